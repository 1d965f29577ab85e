const defaults = { color: 'red', size: 'M', tags: ['a'] };
const overrides = { size: 'L', extra: undefined };
const merged = { ...defaults, ...overrides, color: 'blue' };
const order = { z: 1, ...{ a: 2, z: 3 }, b: 4 };
const fromArray = { ...['x', 'y'] };
const fromString = { ...'hi' };
const fromNull = { ...null, ...undefined, ...42, ...true };
merged.tags.push('shared');
[merged, order, Object.keys(order), fromArray, fromString, fromNull, defaults.tags]
