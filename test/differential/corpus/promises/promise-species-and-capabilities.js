// diff: compare-messages
// Promise.prototype.then asks the species constructor (a subclass runs its constructor, a
// changed constructor is checked), catch is generic, resolve/reject build a capability of
// their this: V8's checks and messages.
const out = [];
const tries = [
  () => { const p = Promise.resolve(1); Object.defineProperty(p, 'constructor', { value: 5 }); p.then(); },
  () => { const p = Promise.resolve(1); p.constructor = { [Symbol.species]: 5 }; p.then(); },
  () => { const p = Promise.resolve(1); p.constructor = { [Symbol.species]: () => {} }; p.then(); },
  () => { const p = Promise.resolve(1); p.constructor = { [Symbol.species]: function (ex) { ex(1, 2); } }; p.then(); },
  () => { const p = Promise.resolve(1); p.constructor = { [Symbol.species]: function (ex) { ex(() => {}, () => {}); ex(() => {}, () => {}); } }; p.then(); },
  () => { const p = Promise.resolve(1); p.constructor = undefined; return p.then() instanceof Promise; },
  () => { const p = Promise.resolve(1); p.constructor = { [Symbol.species]: null }; return p.then() instanceof Promise; },
  () => Promise.resolve.call(5, 1),
  () => Promise.resolve.call(function (ex) { ex(1, 2); }, 1),
  () => Promise.reject.call({}, 1),
  () => Promise.prototype.catch.call({ then(a, b) { return 'x:' + typeof b; } }, () => 1),
  () => Promise.prototype.catch.call(5, () => 1),
  () => Promise.prototype.finally.call(5, () => 1),
  () => Promise.prototype.finally.call({ then(a, b) { return [typeof a, typeof b]; } }, () => 1),
  () => Promise.prototype.then.call(5),
];
for (const t of tries) {
  try {
    out.push(t());
  } catch (e) {
    out.push(e.name + ': ' + e.message);
  }
}
const log = [];
class P extends Promise {
  constructor(ex) {
    log.push('ctor');
    super(ex);
  }
}
const p = P.resolve(1);
log.push('made');
const q = p.then((v) => v + 1);
log.push(q instanceof P, p.catch(() => 0) instanceof P, p.finally(() => 0) instanceof P);
log.push(P.reject(new Error('r')).catch((e) => e.message) instanceof P);
const r = await q;
log.push('q ' + r, await P.all([1, p]).then(String));
[out, log]
