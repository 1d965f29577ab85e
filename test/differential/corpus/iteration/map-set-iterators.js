const m = new Map([['x', 1], ['y', 2]]);
const s = new Set(['p', 'q']);
const mi = m.entries();
const firstPair = mi.next().value;
m.set('z', 3);
const remaining = [...mi];
[firstPair, remaining, [...m.keys()], [...m.values()], [...s.entries()], [...s.keys()], Object.prototype.toString.call(m.keys())]
