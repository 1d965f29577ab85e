const f = Object.freeze({ a: 1 });
const s = Object.seal({ b: 2 });
const p = Object.preventExtensions({ c: 3 });
const r = [];
const attempt = (label, fn) => { try { fn(); r.push(label + ':ok'); } catch (e) { r.push(label + ':' + e.name); } };
attempt('f-write', () => { f.a = 9; });
attempt('s-write', () => { s.b = 9; });
attempt('s-add', () => { s.z = 1; });
attempt('s-delete', () => { delete s.b; });
attempt('p-add', () => { p.z = 1; });
attempt('p-delete', () => { delete p.c; });
r.push(Object.isFrozen(f), Object.isSealed(f), Object.isSealed(s), Object.isFrozen(s), Object.isExtensible(p), s.b, 'c' in p);
r.push(Object.isFrozen(1), Object.isFrozen({}), Object.isFrozen(Object.preventExtensions({})));
r
