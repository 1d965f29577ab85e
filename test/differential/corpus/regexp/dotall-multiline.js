const text = 'line1\nline2\r\nline3';
[
  /line1.line2/.test(text), /line1.line2/s.test(text),
  text.match(/^line\d$/g), text.match(/^line\d$/gm), text.match(/^line\d\r?$/gm),
  /a.c/.test('a\u2028c'), /a.c/s.test('a\u2028c'), 'x\ny'.replace(/$/gm, ';'),
]
