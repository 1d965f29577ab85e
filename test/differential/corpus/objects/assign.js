const target = { a: 1 };
const res = Object.assign(target, { b: 2 }, null, undefined, { a: 'over', c: [3] }, 'xy');
const withGetter = Object.assign({}, { get g() { return 'evaluated'; } });
const desc = Object.getOwnPropertyDescriptor(withGetter, 'g');
const log = [];
const withSetter = { set s(v) { log.push(v); } };
Object.assign(withSetter, { s: 'via setter' });
[res === target, target, desc.value, 'get' in desc, log]
