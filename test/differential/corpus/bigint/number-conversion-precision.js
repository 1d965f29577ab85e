const big = 2n ** 64n + 1n;
[
  Number(big), Number(big) === 2 ** 64, BigInt(Number(big)) === big, Number(2n ** 53n + 1n),
  Number(-(2n ** 1024n)), parseFloat(String(big)), Number.isSafeInteger(Number(2n ** 53n - 1n)), BigInt.asUintN(64, big),
]
