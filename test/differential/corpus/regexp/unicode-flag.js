const s = '😀x😀';
[
  s.match(/./g).length, s.match(/./gu).length, /^.$/.test('😀'), /^.$/u.test('😀'),
  /\u{1F600}/u.test('😀'), /\u{1F600}/.test('u'.repeat(1) === 'u' ? '😀' : ''), /\p{L}+/u.exec('123abcé')[0], /\p{Script=Greek}/u.test('α'),
  'a😀b'.split(/(?:)/u), /[😀]/u.test('😀'), '\u{1F600}'.replace(/\ud83d/g, 'X').length, '\u{1F600}'.replace(/\ud83d/gu, 'X').length,
]
