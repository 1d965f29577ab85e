// case folding: simple folding without u, Unicode folding with u
[
  /straße/i.test('STRASSE'), /ß/i.test('ẞ'), /ß/iu.test('ẞ'), /[a-z]+/i.exec('MiXeD')[0], /k/i.test('\u212a'), /k/iu.test('\u212a'),
  'ABC abc'.replace(/b/gi, '_'), /é/i.test('É'), /[^a]/i.test('A'),
]
