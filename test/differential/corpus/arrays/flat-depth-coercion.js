const nested = [1, [2, [3, [4]]]];
[
  nested.flat('1'), nested.flat(null), nested.flat(-1), nested.flat(1.9),
  nested.flat(undefined), [[]].flat(), [[[]]].flat(Infinity),
]
