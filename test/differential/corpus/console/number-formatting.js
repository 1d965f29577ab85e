console.log([0.1, 1e21, 1e-7, 123456789.123, -0, 2 ** 64]);
console.log({ big: 1e300, small: 5e-324 });
console.log(1 / 3, 2 / 3, 100 / 7);
console.log([1_000_000, 0xff, 0b11]);
'ok'
