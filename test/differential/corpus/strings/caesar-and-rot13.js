const shift = (s, n) => s.replace(/[a-z]/gi, (c) => {
  const base = c <= 'Z' ? 65 : 97;
  return String.fromCharCode(((c.charCodeAt(0) - base + n + 26 * 10) % 26) + base);
});
const rot13 = (s) => shift(s, 13);
const msg = 'Hello, World! xyz';
[shift(msg, 3), shift(shift(msg, 3), -3), rot13(msg), rot13(rot13(msg)) === msg]
