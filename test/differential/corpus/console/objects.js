console.log({});
console.log({ a: 1, b: 'two', c: [3], d: { e: null } });
console.log({ 'needs-quotes': 1, valid_id: 2, 3: 'numeric', 'with space': 4 });
console.log({ nested: { deeper: { deepest: { tooDeep: 1 } } } });
console.log({ u: undefined, f: false, n: -0 });
console.log(Object.create(null));
const o = Object.create(null);
o.x = 1;
console.log(o);
'ok'
