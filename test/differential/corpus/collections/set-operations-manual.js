const a = new Set([1, 2, 3, 4]);
const b = new Set([3, 4, 5]);
const union = new Set([...a, ...b]);
const intersection = new Set([...a].filter((x) => b.has(x)));
const difference = new Set([...a].filter((x) => !b.has(x)));
const symmetric = new Set([...a, ...b].filter((x) => !(a.has(x) && b.has(x))));
const isSubset = (x, y) => [...x].every((v) => y.has(v));
[[...union], [...intersection], [...difference], [...symmetric], isSubset(intersection, a), isSubset(a, b)]
