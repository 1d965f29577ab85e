const value = { name: 'x', list: [1, { deep: [] }], empty: {}, emptyArr: [] };
[
  JSON.stringify(value, null, 2),
  JSON.stringify(value, null, '\t'),
  JSON.stringify([1, 2], null, 20),
  JSON.stringify({ a: 1 }, null, '--->'),
  JSON.stringify({ a: 1 }, null, 'longer than ten chars'),
  JSON.stringify({ a: [1] }, null, 0),
  JSON.stringify({ a: [1] }, null, -5),
  JSON.stringify({ a: 1 }, null, ''),
  JSON.stringify({ a: 1 }, null, 3.9),
]
