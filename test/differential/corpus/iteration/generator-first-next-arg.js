function* echo() {
  const a = yield 'first';
  const b = yield a + '!';
  return [a, b];
}
const g = echo();
[g.next('lost'), g.next('A'), g.next('B'), g.next('after')]
