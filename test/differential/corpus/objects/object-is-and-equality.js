const pairs = [
  [0, -0], [NaN, NaN], [NaN, 0 / 0], ['', ''], [null, undefined],
  [{}, {}], [1, 1.0], [Infinity, 1 / 0], [-0, -0], ['1', 1],
];
pairs.map(([a, b]) => ({ is: Object.is(a, b), strict: a === b, loose: a == b }))
