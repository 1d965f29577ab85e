// diff: compare-messages
// Object.defineProperty checks the descriptor itself (ToPropertyDescriptor) before it checks
// it against the object: a bad getter or a mixed descriptor is reported even for a frozen
// object; symbol keys are printed as Symbol(description).
const out = [];
const frozen = Object.freeze({ k: 1 });
for (const [o, k, d] of [
  [frozen, 'k', { value: 1, get() {} }],
  [frozen, 'k', { get: 5 }],
  [frozen, 'k', { set: 'x' }],
  [frozen, 'new', { value: 1, get() {} }],
  [frozen, 'new', { value: 1 }],
  [frozen, Symbol.iterator, { value: 2 }],
  [frozen, 'k', { value: 2 }],
  [Object.freeze({ [Symbol('s')]: 1 }), Symbol.for('t'), { value: 1 }],
  [{}, 'k', { value: 1, writable: true, get: undefined }],
  [{}, 'k', 5],
  [{}, 'k', null],
  [{}, 'k', { get: undefined, set: undefined }],
]) {
  try {
    Object.defineProperty(o, k, d);
    const g = Object.getOwnPropertyDescriptor(o, k);
    out.push(Object.keys(g).map((x) => `${x}=${typeof g[x] === 'function' ? 'fn' : g[x]}`).join(';'));
  } catch (e) {
    out.push(`${e.name}: ${e.message}`);
  }
}
out;
