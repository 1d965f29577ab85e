[
  'a' < 'b', 'a' < 'B', 'Z' < 'a', '10' < '2', '10' < 2, 'abc' === 'abc', 'abc' == new String('abc'),
  typeof String(1), typeof new String(1), String(null), String(undefined), String(123n), String(Symbol('d')), String([1, [2]]),
  String({}), `${-0}`, String(-0), (-0).toString(), [-0] + '', String(1e21), String(1e-7), String(0.000001),
]
