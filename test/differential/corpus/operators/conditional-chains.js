const grade = (s) => (s >= 90 ? 'A' : s >= 80 ? 'B' : s >= 70 ? 'C' : 'F');
const sign = (n) =>
  n > 0 ? 1
  : n < 0 ? -1
  : Object.is(n, -0) ? '-0'
  : n === 0 ? '0'
  : 'NaN';
const pick = (flag) => (flag ? { yes: true } : [flag]);
[[95, 85, 72, 10].map(grade), [5, -3, 0, -0, NaN].map(sign), pick(1), pick(''), true ? false ? 1 : 2 : 3]
