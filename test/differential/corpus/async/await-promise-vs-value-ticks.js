const log = [];
async function awaitsValue() {
  await 1;
  log.push('value');
}
async function awaitsPromise() {
  await Promise.resolve(1);
  log.push('promise');
}
async function awaitsThenable() {
  await { then(r) { r(1); } };
  log.push('thenable');
}
async function returnsPromise() {
  return Promise.resolve('x');
}
awaitsThenable();
awaitsPromise();
awaitsValue();
returnsPromise().then(() => log.push('returned promise resolved'));
Promise.resolve().then(() => log.push('t1')).then(() => log.push('t2')).then(() => log.push('t3')).then(() => log.push('t4'));
await new Promise((r) => setTimeoutFree(r, 6));
function setTimeoutFree(cb, ticks) {
  let p = Promise.resolve();
  for (let i = 0; i < ticks; i++) p = p.then(() => {});
  p.then(cb);
}
log
