const a = ['a', 'b', 'c'];
[
  a.at(0), a.at(-1), a.at(-3), a.at(-4),
  a.at(3), a.at(1.7), a.at('1'), a.at(NaN),
  a.at(-0), 'str'.at(-1), [].at(0),
]
