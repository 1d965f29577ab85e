const m = new Map([['k1', 'v1'], ['k2', 'v2']]);
const it = m[Symbol.iterator]();
const r = [it.next(), it.next(), it.next(), it.next()];
r.push(m[Symbol.iterator] === m.entries, new Set()[Symbol.iterator] === Set.prototype.values);
const keysIt = m.keys();
r.push(keysIt[Symbol.iterator]() === keysIt, Object.prototype.toString.call(keysIt));
r
