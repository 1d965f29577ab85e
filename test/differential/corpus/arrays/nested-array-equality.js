const a = [1, [2, 3]];
const b = [1, [2, 3]];
const deepEqual = (x, y) => {
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => deepEqual(v, y[i]));
  return Object.is(x, y);
};
[a === b, a == b, String(a) === String(b), JSON.stringify(a) === JSON.stringify(b), deepEqual(a, b), deepEqual([NaN], [NaN]), deepEqual([0], [-0])]
