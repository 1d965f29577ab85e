const nums = [3, -7, 12.5, 0, 12.5, -0];
[
  Math.max(...nums), Math.min(...nums), Object.is(Math.min(0, -0), -0), Math.max(...[]), Math.min(...['1', '2']),
  nums.reduce((a, b) => Math.max(a, b), -Infinity), Math.max(1, undefined), Math.max(1, null), Math.max([2]), Math.max([1, 2]),
]
