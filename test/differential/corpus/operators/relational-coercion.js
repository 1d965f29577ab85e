[
  null >= 0, null > 0, null <= 0, undefined >= 0, undefined < 0, NaN <= NaN,
  '10' < '9', 10 < 9, '10' < 9, 'a' < 'b', 'B' < 'a', 'abc' < 'abd', 'ab' < 'abc',
  [2] > 1, [1, 2] < 3, '' < 0, ' ' < 1, true > false, 'Z' > 'z',
  Infinity > Number.MAX_VALUE, -Infinity < -Number.MAX_VALUE, 0 >= -0,
]
