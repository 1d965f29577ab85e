[
  Array.of(7), Array.of(1, 2, 3), Array.of(), Array(3).length, Array(3, 4), new Array('3'), Array.from({ length: 2 }),
  Array.from('hi'), Array.from(new Set('aab')), Array.from([1, 2], (x, i) => x + i), Array.from({ length: 3, 1: 'b' }, (v, i) => v ?? i),
  Array.isArray([]), Array.isArray({ length: 0 }), Array.isArray(Array.prototype), Array.isArray('abc'), Array.isArray(new Array()),
]
