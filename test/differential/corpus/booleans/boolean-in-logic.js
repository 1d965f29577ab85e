const flags = { a: true, b: false, c: true };
const enabled = Object.entries(flags).filter(([, v]) => v).map(([k]) => k);
const allOn = Object.values(flags).every(Boolean);
const anyOn = Object.values(flags).some(Boolean);
const count = Object.values(flags).reduce((n, v) => n + v, 0);
const toggled = Object.fromEntries(Object.entries(flags).map(([k, v]) => [k, !v]));
const xor = (x, y) => x !== y;
[enabled, allOn, anyOn, count, toggled, xor(true, false), xor(true, true), [true, false, true].sort(), [false, true] + '']
