const a = [1, 2, 3, 4, 5];
const sparse = [1, , 3];
[
  a.slice(1, 3), a.slice(-2), a.slice(2, -1), a.slice(4, 1), a.slice(), a.slice('1', '2.9'),
  a.concat(6, [7, [8]], []), [].concat(1, 'a', [null]), sparse.concat([4]), 1 in sparse.concat([4]),
  sparse.slice(), 1 in sparse.slice(),
]
