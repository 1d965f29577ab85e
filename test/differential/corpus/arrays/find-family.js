const items = [{ id: 1, v: 'a' }, { id: 2, v: 'b' }, { id: 3, v: 'b' }, { id: 4, v: 'c' }];
const isB = (x) => x.v === 'b';
[
  items.find(isB), items.findIndex(isB), items.findLast(isB), items.findLastIndex(isB),
  items.find((x) => x.id > 10), items.findIndex((x) => x.id > 10), items.findLast(() => false), items.findLastIndex(() => false),
  [, 1].find((x) => x === undefined), [, 1].findIndex((x) => x === undefined),
]
