let e = 'outer';
const r = [];
try {
  throw 'inner';
} catch (e) {
  r.push(e);
  e = 'reassigned';
  r.push(e);
  var fromCatch = 'var escapes';
}
r.push(e, fromCatch);
try {
  throw 1;
} catch {
  r.push('optional binding');
}
r
