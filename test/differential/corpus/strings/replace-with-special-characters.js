const path = 'C:\\dir\\file.txt';
[
  path.replace(/\\/g, '/'), path.replaceAll('\\', '\\\\'), 'a+b'.replace('+', ' plus '), 'a.b.c'.split('.').join('\\'),
  '$100'.replace('$', 'USD '), 'x'.replace('x', '$$$$'), 'tab\there'.replace('\t', '\\t'), 'q"uote'.replace('"', '\\"'),
]
