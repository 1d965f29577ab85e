[
  Math.sqrt(16), Math.sqrt(2), Math.cbrt(-27), Math.pow(2, 10), Math.pow(2, 0.5), Math.pow(-8, 1 / 3), Math.pow(NaN, 0),
  Math.exp(1) === Math.E, Math.exp(0), Math.expm1(1e-10), Math.log(Math.E), Math.log(0), Math.log(-1), Math.log10(1000),
  Math.log2(8), Math.log2(3), Math.log1p(1e-10), Math.hypot(3, 4), Math.hypot(), Math.hypot(3, 4, 12), Math.hypot(NaN, Infinity),
]
