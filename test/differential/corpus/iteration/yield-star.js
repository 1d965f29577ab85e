function* inner() {
  const x = yield 'i1';
  yield 'i2:' + x;
  return 'inner result';
}
function* outer() {
  yield 'o1';
  const res = yield* inner();
  yield 'got ' + res;
  yield* [10, 20];
  yield* 'ab';
}
const g = outer();
const out = [g.next().value, g.next().value, g.next('X').value, g.next().value, g.next().value, g.next().value, g.next().value, g.next().value, g.next()];
out
