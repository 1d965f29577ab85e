const s = 'abc';
const r = [];
try {
  s[0] = 'z';
} catch (e) {
  r.push(e.name);
}
try {
  s.length = 1;
} catch (e) {
  r.push(e.name);
}
r.push(s, s.toUpperCase(), s);
r
