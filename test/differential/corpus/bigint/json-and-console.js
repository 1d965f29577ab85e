const values = [0n, -42n, 2n ** 80n];
console.log(...values);
console.log('%d and %i', 123n, 99n);
console.log([1n, 2n], { big: 3n });
const serial = JSON.stringify(values.map(String));
serial
