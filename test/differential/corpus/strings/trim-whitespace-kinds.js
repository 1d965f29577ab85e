// trim removes WhiteSpace and LineTerminator but not U+200B
const ws = [
  '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000',
  '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b',
];
ws.map((w) => [w.charCodeAt(0).toString(16), (w + 'x' + w).trim().length])
