const m = new Map([['b', 2], ['a', 1]]);
const sortedEntries = [...m].sort(([x], [y]) => x.localeCompare(y));
const rebuilt = new Map(sortedEntries);
const s = new Set([3, 1, 2]);
const sortedSet = new Set([...s].sort());
const objFromMap = Object.fromEntries(rebuilt);
[[...rebuilt.keys()], [...sortedSet], objFromMap, Array.from(m.values()), Array.from(s, (x) => x * 2)]
