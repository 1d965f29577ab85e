const id = Symbol('id');
const hidden = Symbol('hidden');
const obj = { visible: 1, [id]: 42 };
obj[hidden] = 'secret';
const copy = { ...obj };
const assigned = Object.assign({}, obj);
const inKeys = [];
for (const k in obj) inKeys.push(k);
[
  Object.keys(obj), inKeys, JSON.stringify(obj), Object.getOwnPropertySymbols(obj).map(String), copy[id], assigned[hidden],
  Object.getOwnPropertyNames(obj).length + Object.getOwnPropertySymbols(obj).length, Object.entries(obj), id in obj, obj[id.description],
]
