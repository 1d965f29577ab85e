const m = new Map([[1n, 'big one'], [1, 'number one']]);
const s = new Set([1n, 1n, 2n, 1]);
[
  m.get(1n), m.get(1), m.size, s.size,
  [1n, 2n].includes(1n), [1n].indexOf(1), Object.is(0n, -0n), 1n === BigInt(1),
  new Set([0n, -0n]).size,
]
