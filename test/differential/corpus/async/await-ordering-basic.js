const log = [];
async function a() {
  log.push('a start');
  await null;
  log.push('a after await');
}
async function b() {
  log.push('b start');
  await a();
  log.push('b after a');
}
b().then(() => log.push('b resolved'));
log.push('sync end');
Promise.resolve().then(() => log.push('microtask 1')).then(() => log.push('microtask 2'));
await new Promise((r) => Promise.resolve().then(() => Promise.resolve()).then(() => Promise.resolve()).then(r));
await null;
log
