const nested = [1, [2, [3, [4, [5]]]], , 6];
const r = [
  nested.flat(),
  nested.flat(2),
  nested.flat(Infinity),
  nested.flat(0).length,
  [[1, 2], [3]].flatMap((x) => x),
  [1, 2, 3].flatMap((x) => [x, x * 10]),
  [1, 2].flatMap((x) => [[x]]),
  ['a b', 'c'].flatMap((s) => s.split(' ')),
  [1, 2, 3].flatMap((x) => (x % 2 ? [] : x)),
];
r
