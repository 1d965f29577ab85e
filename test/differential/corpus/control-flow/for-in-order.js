// integer-like keys first in ascending order, then strings in insertion order
const obj = {
  b: 1, 10: 'ten', a: 2, 2: 'two', '-1': 'neg', 1.5: 'frac',
  '01': 'lead', 4294967295: 'big', 0: 'zero',
};
const keys = [];
for (const k in obj) keys.push(k);
[keys, Object.keys(obj), JSON.stringify(obj)]
