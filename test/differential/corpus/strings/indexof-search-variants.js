const s = 'abracadabra';
[
  s.indexOf('abra'), s.indexOf('abra', 1), s.lastIndexOf('abra'), s.lastIndexOf('abra', 6), s.indexOf('a', -5),
  s.lastIndexOf('a', -5), s.indexOf('', 20), s.lastIndexOf('', 3), s.includes('cad', 4), s.includes('cad', 5),
  s.startsWith('bra', 1), s.endsWith('cad', 7), s.search('c.d'), s.search(/(?:ab){2}/), s.indexOf(undefined), 'undefined'.indexOf(undefined),
]
