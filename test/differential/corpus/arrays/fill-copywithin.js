const a = new Array(5).fill(0);
const b = [1, 2, 3, 4, 5].fill('x', 1, 3);
const c = [1, 2, 3, 4, 5].fill(9, -2);
const shared = new Array(3).fill([]);
shared[0].push('same');
const d = [1, 2, 3, 4, 5].copyWithin(0, 3);
const e = [1, 2, 3, 4, 5].copyWithin(1, 0, 2);
const f = [1, 2, 3, 4, 5].copyWithin(-2, 0);
const g = [1, , 3, 4].copyWithin(2, 0, 2);
[a, b, c, shared, d, e, f, g, 3 in g]
