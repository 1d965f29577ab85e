const a = ['a', 'b', 'c', 'd'];
[
  a.toSpliced(), a.toSpliced(1), a.toSpliced(1, 2), a.toSpliced(-1, 1, 'X'),
  a.toSpliced(2, 0, 'i1', 'i2'), a.toSpliced(0, Infinity), [1, , 3].toSpliced(0, 0), a,
]
