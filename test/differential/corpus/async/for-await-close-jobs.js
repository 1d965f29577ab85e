// diff: compare-messages
// for await leaving its iterator: break and return close it (a sync iterable's return() through
// the async wrapper, awaited; a non-object result is a TypeError), an exception in the body
// calls return() and awaits it but keeps the body's exception; every job ticked against a chain.
const log = [];
async function ticker(n) { for (let i = 0; i < n; i++) { log.push('t' + i); await null; } }
function syncIt(withReturn, retValue) {
  let i = 0;
  const it = { [Symbol.iterator]() { return this; }, next() { log.push('sync next ' + i); return { value: i < 3 ? Promise.resolve(i++) : undefined, done: i >= 3 }; } };
  if (withReturn) it.return = () => { log.push('sync return'); return retValue; };
  return it;
}
const asyncIt = (ret) => ({ [Symbol.asyncIterator]() { let i = 0; return { next() { log.push('async next'); return Promise.resolve({ value: i++, done: false }); }, return() { log.push('async return'); return ret(); } }; } });
async function main() {
  const t = ticker(40);
  for await (const v of syncIt(true, { done: true })) { log.push('a ' + v); if (v === 1) break; }
  for await (const v of syncIt(false)) { log.push('b ' + v); if (v === 1) break; }
  try { for await (const v of syncIt(true, 5)) { log.push('c ' + v); break; } } catch (e) { log.push('c: ' + e.message); }
  try { for await (const v of syncIt(true, { done: true })) { throw new Error('body'); } } catch (e) { log.push('d: ' + e.message); }
  try { for await (const v of asyncIt(() => Promise.reject(new Error('ret rej')))) { throw new Error('body2'); } } catch (e) { log.push('e: ' + e.message); }
  try { for await (const v of asyncIt(() => 7)) { break; } } catch (e) { log.push('f: ' + e.message); }
  try { for await (const v of asyncIt(() => 7)) { throw new Error('body3'); } } catch (e) { log.push('g: ' + e.message); }
  async function early() { for await (const v of syncIt(true, {})) { return 'ret ' + v; } }
  log.push(await early());
  await t;
  return log;
}
main();
