const a = ['x', 'y', 'x', 'y', 'x'];
[
  a.indexOf('x', 1), a.indexOf('x', -2), a.indexOf('x', -100), a.lastIndexOf('x', -2),
  a.lastIndexOf('y', 0), a.lastIndexOf('x', 100), a.indexOf('y', 4), a.includes('y', -1),
  a.includes('x', -1),
]
