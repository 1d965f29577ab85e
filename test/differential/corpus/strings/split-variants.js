[
  'a,b,,c'.split(','), 'a,b,c'.split(',', 2), 'abc'.split(''), 'abc'.split(), ''.split(','), ''.split(''),
  'a1b2c3'.split(/\d/), 'a1b2c3'.split(/(\d)/), 'one  two   three'.split(/\s+/), 'a,b;c d'.split(/[,; ]/, 3),
  'test'.split('t'), '😀a😀'.split(''), 'x'.split(undefined), 'a-b-c'.split('-', 0), 'aXbxc'.split(/x/i),
]
