const k1 = Symbol('k');
const k2 = Symbol('k');
const m = new Map([[k1, 'one'], [k2, 'two']]);
const s = new Set([k1, k1, k2, Symbol.for('k'), Symbol.for('k')]);
[m.size, m.get(k1), m.get(k2), s.size, [...m.keys()].map((k) => k.description), m.has(Symbol('k'))]
