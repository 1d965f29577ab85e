function* naturals() {
  let n = 0;
  while (true) yield n++;
}
function* take(it, n) {
  if (n <= 0) return;
  for (const v of it) {
    yield v;
    if (--n <= 0) return;
  }
}
function* map(it, f) {
  for (const v of it) yield f(v);
}
function* filter(it, p) {
  for (const v of it) if (p(v)) yield v;
}
[...take(map(filter(naturals(), (x) => x % 3 === 0), (x) => x * x), 5)]
