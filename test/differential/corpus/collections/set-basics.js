const s = new Set([3, 1, 3, 2, 1]);
const r = [s.size, [...s], s.has(3), s.has('3')];
r.push(s.add(4) === s, s.add(1).size, s.delete(3), s.delete(99), [...s]);
const objs = new Set([{}, {}]);
const same = {};
const sameSet = new Set([same, same]);
r.push(objs.size, sameSet.size, new Set('hello').size, [...new Set('hello')].join(''));
const entries = [...new Set(['a']).entries()];
r.push(entries, new Set([NaN, NaN, 0, -0]).size);
r
