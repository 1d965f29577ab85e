function* fib() {
  let [a, b] = [0, 1];
  for (;;) {
    yield a;
    [a, b] = [b, a + b];
  }
}
const first = [];
for (const f of fib()) {
  if (f > 100) break;
  first.push(f);
}
const it = fib();
const tenth = Array.from({ length: 10 }, () => it.next().value).at(-1);
[first, tenth]
