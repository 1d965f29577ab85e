// yield* in async generators: delegation to async generators, arrays (with promises) and sync
// generators, ticked against a concurrent promise chain so every job's position is compared.
const log = [];
async function* inner(tag) {
  log.push(tag + ':start');
  const got = yield 1;
  log.push(tag + ':got ' + got);
  yield Promise.resolve(2);
  return tag + ':done';
}
async function* outer() {
  const r = yield* inner('a');
  log.push('inner returned ' + r);
  const s = yield* [10, Promise.resolve(20), 30];
  log.push('array returned ' + s);
  yield* (function* () { yield 'g1'; return 'ignored'; })();
  return 'end';
}
async function ticker(n) {
  for (let i = 0; i < n; i++) { log.push('tick ' + i); await null; }
}
async function main() {
  const g = outer();
  const out = [];
  const t = ticker(30);
  let step = await g.next('first');
  while (!step.done) { out.push(step.value); step = await g.next('v' + out.length); }
  out.push('return:' + step.value);
  await t;
  return out;
}
main().then((out) => ({ out, log }));
