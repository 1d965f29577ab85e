const o = {};
[
  1 === 1, 1 === '1', NaN === NaN, 0 === -0, null === undefined, o === o, o === {},
  'a' + 'b' === 'ab', [] === [], Object.is(0, -0), Object.is(NaN, NaN), Object.is(o, o),
  1 !== '1', 1 != '1', undefined !== null,
]
