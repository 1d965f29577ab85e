function scopes() {
  const r = [];
  if (true) {
    var v = 'var';
    let l = 'let';
    r.push(l);
  }
  r.push(v);
  for (var i = 0; i < 3; i++) {}
  r.push(i);
  r.push(typeof l);
  return r;
}
scopes()
