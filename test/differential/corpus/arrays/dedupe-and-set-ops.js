const a = [1, 2, 2, 3, NaN, NaN, 0, -0];
const b = [2, 3, 4];
const unique = [...new Set(a)];
const uniqueByFilter = a.filter((x, i) => a.indexOf(x) === i);
const intersection = unique.filter((x) => b.includes(x));
const difference = unique.filter((x) => !b.includes(x));
const union = [...new Set([...a, ...b])];
[unique, uniqueByFilter, intersection, difference, union, Object.is(unique.at(-1), -0)]
