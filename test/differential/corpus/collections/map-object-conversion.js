const obj = { b: 2, a: 1, 10: 'ten' };
const m = new Map(Object.entries(obj));
m.set('c', 3);
const back = Object.fromEntries(m);
const inverted = new Map([...m].map(([k, v]) => [v, k]));
const numericKeys = new Map([[1, 'x'], ['1', 'y']]);
[[...m.keys()], back, [...inverted.entries()], Object.fromEntries(numericKeys), numericKeys.size]
