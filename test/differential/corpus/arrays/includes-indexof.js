const arr = [1, NaN, -0, undefined, , 'x', null];
[
  arr.includes(NaN), arr.indexOf(NaN), arr.includes(0), arr.indexOf(0), arr.includes(undefined), arr.indexOf(undefined),
  arr.lastIndexOf(undefined), arr.includes('x', 6), arr.indexOf('x', -3), arr.lastIndexOf(1, -8), arr.indexOf(null),
  [1, 2, 1].lastIndexOf(1), [1, 2, 1].lastIndexOf(1, 1), [1, 2, 3].includes(3, -1), [1, 2, 3].indexOf(1, 10),
]
