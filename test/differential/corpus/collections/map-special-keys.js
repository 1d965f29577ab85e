const m = new Map();
m.set(NaN, 'nan');
m.set(0, 'zero');
m.set(-0, 'negative zero');
m.set(undefined, 'undef');
m.set(null, 'null');
const keys = [...m.keys()];
[m.get(NaN), m.get(0 / 0), m.get(0), m.get(-0), m.size, Object.is(keys[1], -0), Object.is(keys[1], 0), m.get(undefined), m.get(null), m.has(void 0)]
