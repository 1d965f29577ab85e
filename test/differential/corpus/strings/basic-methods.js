const s = 'Hello, World';
[
  s.length, s.toUpperCase(), s.toLowerCase(), s.charAt(4), s.charAt(99), s[0], s[99],
  s.indexOf('o'), s.lastIndexOf('o'), s.indexOf('o', 5), s.indexOf(''), s.lastIndexOf(''), s.indexOf('xyz'),
  s.includes('World'), s.includes('world'), s.startsWith('Hell'), s.startsWith('World', 7), s.endsWith('World'), s.endsWith('Hello', 5),
]
