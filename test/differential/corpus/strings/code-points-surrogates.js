const s = 'a😀b';
const flag = '🇫🇷';
[
  s.length, [...s].length, s.charCodeAt(1), s.charCodeAt(2), s.codePointAt(1), s.codePointAt(2), s.codePointAt(99),
  String.fromCharCode(72, 105), String.fromCodePoint(128512, 65), String.fromCharCode(0xd83d, 0xde00),
  flag.length, [...flag].length, s.split('').length, s.at(1) === '\ud83d', s.slice(1, 3) === '😀',
  '\u{1F600}' === '😀', 'é'.length, 'e\u0301'.length,
]
