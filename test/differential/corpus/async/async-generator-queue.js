async function* source() {
  yield 'a';
  await null;
  yield 'b';
  return 'end';
}
const g = source();
const results = await Promise.all([g.next(), g.next(), g.next(), g.next()]);
results
