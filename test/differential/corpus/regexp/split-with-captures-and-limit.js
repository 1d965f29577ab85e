// split with a regex: captures are spliced in, limit truncates
[
  'a1b22c333'.split(/\d+/), 'a1b22c333'.split(/(\d+)/), 'a1b22c333'.split(/(\d)+/), 'a, b ,c'.split(/\s*,\s*/),
  'abc'.split(/(?:)/), 'a1b2c3'.split(/\d/, 2), ''.split(/x/), ''.split(/(?:)/), 'one'.split(/(o)(x)?/),
]
