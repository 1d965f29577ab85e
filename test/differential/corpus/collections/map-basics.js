const m = new Map();
const objKey = { id: 1 };
const fnKey = () => {};
m.set('a', 1).set(objKey, 'object').set(fnKey, 'function').set(1, 'number one').set('1', 'string one');
const r = [m.size, m.get('a'), m.get(objKey), m.get({ id: 1 }), m.get(fnKey), m.get(1), m.get('1'), m.has('missing'), m.get('missing')];
r.push(m.delete('a'), m.delete('a'), m.size);
m.set(1, 'replaced');
r.push([...m.values()]);
m.clear();
r.push(m.size, [...m]);
r
