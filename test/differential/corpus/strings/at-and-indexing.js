const s = 'hello';
[
  s.at(0), s.at(-1), s.at(5), s.at(-6),
  s[1.5], s['1'], s.charAt(-1), s.charAt(1.9),
  s.charAt('2'), s.charCodeAt(10), Object.keys('ab'), 'length' in Object('x'),
]
