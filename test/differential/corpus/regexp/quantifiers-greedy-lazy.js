const html = '<b>bold</b> and <i>italic</i>';
[
  html.match(/<.+>/)[0], html.match(/<.+?>/)[0], html.match(/<(\w+)>/g), 'aaaa'.match(/a{2,3}/)[0], 'aaaa'.match(/a{2,3}?/)[0],
  'aaaa'.match(/a{2}/g), 'abc'.match(/x?/)[0] === '', 'ab'.match(/a??b/)[0], /^(a+)+$/.test('aaaa'), 'xyyy'.match(/y*$/)[0],
]
