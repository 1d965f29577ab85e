const big = 7n;
const boxed = Object(big);
[
  typeof big, typeof boxed, boxed.valueOf() === big, Object.prototype.toString.call(big),
  boxed + 1n, BigInt.prototype.valueOf.call(big) === 7n,
]
