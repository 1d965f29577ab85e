// yield* in async generators forwards throw() and return() to the inner generator: its catch
// and finally blocks run, a return() value is awaited first, a rejected one becomes a throw.
const log = [];
async function* inner() {
  try {
    yield 1;
    yield 2;
  } catch (e) {
    log.push('inner caught ' + e);
    yield 'recovered';
  } finally {
    log.push('inner finally');
  }
}
async function* outer() {
  try {
    yield* inner();
  } finally {
    log.push('outer finally');
  }
}
async function main() {
  const g = outer();
  const a = [];
  a.push(await g.next());
  a.push(await g.throw('boom'));
  a.push(await g.next());
  a.push(await g.next());
  const g2 = outer();
  a.push(await g2.next());
  a.push(await g2.return('early'));
  a.push(await g2.next());
  const g3 = outer();
  a.push(await g3.next());
  a.push(await g3.return(Promise.resolve('awaited')));
  const g4 = outer();
  a.push(await g4.next());
  try { await g4.return(Promise.reject(new Error('rej'))); } catch (e) { a.push('g4 threw ' + e.message); }
  return { a, log };
}
main();
