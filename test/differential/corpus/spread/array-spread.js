const a = [1, 2];
const b = [3, [4, 5]];
const combined = [0, ...a, ...b, 6];
const fromString = [...'héllo'];
const fromSet = [...new Set([3, 1, 3, 2])];
const fromMap = [...new Map([['k', 'v']])];
const holes = [...[1, , 3]];
[combined, fromString, fromSet, fromMap, holes, 1 in holes]
