const m = new Map([['z', 1], ['a', 2], [3, 'three'], [1, 'one']]);
m.set('z', 'updated');
m.delete('a');
m.set('a', 'readded');
const entries = [];
m.forEach((value, key, map) => entries.push([key, value, map === m]));
[[...m.keys()], entries, Array.from(m.entries()).flat()]
