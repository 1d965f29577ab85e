function* g() {
  yield 1;
  yield 2;
  return 3;
}
const spread = [...g()];
const forOf = [];
for (const v of g()) forOf.push(v);
const manual = [];
const it = g();
for (let r = it.next(); ; r = it.next()) {
  manual.push(r.value);
  if (r.done) break;
}
[spread, forOf, manual]
