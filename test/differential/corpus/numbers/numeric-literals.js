// every numeric literal form (legacy octal 017 is a SyntaxError in strict code)
[
  0b1010, 0o777, 0xFF, 0XaBc,
  1_000_000, 1e3, 1E-3, .5,
  5., 0.1e1, 1_0.0_1, 0x1_F,
  Number.MAX_SAFE_INTEGER === 9_007_199_254_740_991, 0B11, 0O7, 0.0,
]
