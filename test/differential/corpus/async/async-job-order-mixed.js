// Job order of async functions, promise combinators, an async generator's first result and
// for await over a sync iterable (each value awaited inside CreateAsyncFromSyncIterator), ticked
// against a concurrent promise chain.
const log = [];
async function ticker(n) { for (let i = 0; i < n; i++) { log.push('t' + i); await null; } }
const thenable = { then(r) { log.push('then called'); r('T'); } };
async function a1() { return 1; }
async function a2() { return Promise.resolve(2); }
async function a3() { return thenable; }
async function a4() { await thenable; return 'a4'; }
async function a5() { try { return await Promise.reject(new Error('x')); } catch (e) { return 'a5 caught'; } finally { await null; log.push('a5 finally'); } }
const a6 = async () => Promise.resolve(6);
async function* g1() { yield Promise.resolve('g1'); }
async function main() {
  const t = ticker(25);
  const ps = [a1(), a2(), a3(), a4(), a5(), a6(), g1().next()];
  for (const p of ps) p.then((v) => log.push('done ' + JSON.stringify(v)));
  Promise.all(ps).then(() => log.push('all'));
  Promise.race(ps).then((v) => log.push('race ' + v));
  Promise.allSettled(ps).then(() => log.push('allSettled'));
  Promise.any(ps).then((v) => log.push('any ' + v));
  Promise.resolve().finally(() => log.push('finally1')).then(() => log.push('after finally'));
  for await (const v of [Promise.resolve('fa1'), 'fa2']) log.push('for await ' + v);
  await t;
  return log;
}
main();
