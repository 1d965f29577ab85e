const arr = ['a', 'b', 'c'];
const keys = [...arr.keys()];
const values = [...arr.values()];
const entries = [...arr.entries()];
const it = arr[Symbol.iterator]();
const first = it.next();
arr.push('d');
const rest = [...it];
const sparse = [...[, 'x'].keys()];
[keys, values, entries, first, rest, sparse, arr[Symbol.iterator] === arr.values]
