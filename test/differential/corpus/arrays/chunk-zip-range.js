const range = (start, end, step = 1) => Array.from({ length: Math.max(0, Math.ceil((end - start) / step)) }, (_, i) => start + i * step);
const chunk = (arr, n) => Array.from({ length: Math.ceil(arr.length / n) }, (_, i) => arr.slice(i * n, i * n + n));
const zip = (...arrs) => arrs[0].map((_, i) => arrs.map((a) => a[i]));
[
  range(0, 5), range(10, 0, -3), range(0, 1, 0.25), chunk(range(0, 7), 3),
  zip([1, 2], ['a', 'b'], [true, false]),
]
