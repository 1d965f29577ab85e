// diff: compare-messages
// An executor, reaction handler or thenable `then` that throws before running any script
// code (a built-in's own error, or a class constructor called without new) rejects the
// promise, as a throw from inside it does; a built-in executor's return value is ignored.
const log = [];
class K {}
const thenable = { then: K };
new Promise(K).catch((e) => log.push('executor ' + e.message));
new Promise(JSON.parse).catch((e) => log.push('native executor ' + e.name));
Promise.resolve(1).then(K).catch((e) => log.push('then ' + e.message));
Promise.reject(1).catch(K).catch((e) => log.push('catch ' + e.message));
Promise.resolve(1).finally(K).catch((e) => log.push('finally ' + e.message));
Promise.resolve('{').then(JSON.parse).catch((e) => log.push('native handler ' + e.name));
Promise.resolve(thenable).catch((e) => log.push('thenable ' + e.message));
Promise.resolve({ then: JSON.parse }).catch((e) => log.push('native thenable ' + e.name));
(async () => {
  await thenable;
})().catch((e) => log.push('await thenable ' + e.message));
new Promise((r) => r(thenable)).catch((e) => log.push('resolve thenable ' + e.message));
Promise.all([thenable]).catch((e) => log.push('all ' + e.message));
const p = new Promise(Object);
const q = new Promise(Array.of);
log.push(p instanceof Promise, q instanceof Promise, Array.isArray(q));
try {
  [1].map(K);
} catch (e) {
  log.push('map ' + e.message);
}
Promise.resolve().then(() => Promise.resolve().then(() => log));
