// diff: compare-messages
// yield* in async generators over hand-written iterators: sync iterators without throw/return,
// non-object results, a missing throw() (the inner iterator is closed first), return() results.
const log = [];
function plain(n) {
  let i = 0;
  return { [Symbol.iterator]() { return this; }, next(v) { log.push('next ' + v); return { value: i++, done: i > n }; } };
}
async function* viaPlain() { return yield* plain(3); }
async function collect(g) { const r = []; for await (const v of g) r.push(v); return r; }
async function main() {
  const res = [];
  res.push(await collect(viaPlain()));
  const g = viaPlain();
  await g.next();
  try { await g.throw(new TypeError('t')); } catch (e) { res.push(e.constructor.name + ': ' + e.message); }
  const g2 = viaPlain();
  await g2.next();
  res.push(await g2.return('r'));
  async function* bad() { yield* { [Symbol.asyncIterator]() { return { next() { return 5; } }; } }; }
  try { await bad().next(); } catch (e) { res.push(e.constructor.name + ': ' + e.message); }
  async function* bad2() { yield* { [Symbol.iterator]() { return { next() { return 7; } }; } }; }
  try { await bad2().next(); } catch (e) { res.push(e.constructor.name + ': ' + e.message); }
  async function* notIt() { yield* 5; }
  try { await notIt().next(); } catch (e) { res.push(e.constructor.name + ': ' + e.message); }
  const asyncNoThrow = { [Symbol.asyncIterator]() { return { next() { return Promise.resolve({ value: 1, done: false }); }, return() { log.push('closed'); return {}; } }; } };
  async function* t() { yield* asyncNoThrow; }
  const g3 = t();
  await g3.next();
  try { await g3.throw('x'); } catch (e) { res.push(e.constructor.name + ': ' + e.message); }
  const asyncRet = { [Symbol.asyncIterator]() { return { next() { return { value: 'n', done: false }; }, return(v) { log.push('ret ' + v); return { value: 'inner-ret', done: false }; } }; } };
  async function* t2() { yield* asyncRet; }
  const g4 = t2();
  res.push(await g4.next());
  res.push(await g4.return('R'));
  return { res, log };
}
main();
