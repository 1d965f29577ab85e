const id = Symbol('id');
const meta = Symbol.for('meta');
const o = { name: 'thing', [id]: 123, [meta]: { v: 1 } };
const copy = { ...o };
const assigned = Object.assign({}, o);
[
  Object.keys(o), JSON.stringify(o), copy[id], assigned[meta] === o[meta],
  Object.getOwnPropertySymbols(o).map((s) => s.description), id in o, Object.hasOwn(o, id),
]
