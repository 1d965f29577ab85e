const entries = [['a', 1], ['b', 2], ['a', 3]];
const fromMap = Object.fromEntries(new Map([['x', 'X'], [1, 'one']]));
const inverted = Object.fromEntries(Object.entries({ k1: 'v1', k2: 'v2' }).map(([k, v]) => [v, k]));
const doubled = Object.fromEntries(Object.entries({ p: 1, q: 2 }).map(([k, v]) => [k, v * 2]));
let err;
try { Object.fromEntries([1, 2]); } catch (e) { err = e.name; }
[Object.fromEntries(entries), fromMap, inverted, doubled, err]
