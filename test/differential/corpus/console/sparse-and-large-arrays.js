console.log([1, , , 4]);
console.log([, 'a']);
const big = Array.from({ length: 120 }, (_, i) => i);
console.log(big.length);
console.log(big.slice(0, 6));
const a = [];
a[3] = 'x';
console.log(a);
'ok'
