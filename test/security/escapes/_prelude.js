// Shared guest prelude of the escape corpus (prepended to every program by test/security/harness.ts).
// `attempt` runs one step of a technique and records what happened; `escaped` records a
// technique-specific sign of success; `tryCode` tries a candidate code-generating function
// with payloads that, on a host realm, would read the canary secret or write the canary file.
const R = [];
const PAYLOADS = [
  'return process.env.CAPSULE_CANARY_SECRET',
  "return process.mainModule.require('fs').writeFileSync(process.env.CAPSULE_CANARY_FILE, 'escaped')",
  "return this.constructor.constructor('return process')().env.CAPSULE_CANARY_SECRET",
  'return globalThis',
];
function show(v) {
  try {
    if (typeof v === 'function') return 'function ' + v.name;
    if (typeof v === 'symbol') return v.toString();
    if (typeof v === 'object' && v !== null) return JSON.stringify(v) ?? String(v);
    return String(v);
  } catch (e) {
    return 'unprintable: ' + (e && e.message);
  }
}
function attempt(label, f) {
  try {
    const v = f();
    R.push(label + ' -> ' + show(v));
    return v;
  } catch (e) {
    R.push(label + ' threw ' + (e instanceof Error ? e.name + ': ' + e.message : show(e)));
    return undefined;
  }
}
async function attemptAsync(label, f) {
  try {
    const v = await f();
    R.push(label + ' -> ' + show(v));
    return v;
  } catch (e) {
    R.push(label + ' threw ' + (e instanceof Error ? e.name + ': ' + e.message : show(e)));
    return undefined;
  }
}
function escaped(label, cond) {
  if (cond) R.push('ESCAPED: ' + label);
}
// a function that made code from a string and ran it would be an escape by itself
function tryCode(label, F) {
  if (typeof F !== 'function') return;
  for (const p of PAYLOADS) {
    const made = attempt(label + '(payload)', () => F(p));
    if (typeof made === 'function') {
      const out = attempt(label + '(payload)()', () => made());
      escaped(label + ' compiled a string', out !== undefined);
    }
    attempt('new ' + label + '(payload)', () => new F(p));
  }
}
// walks prototypes and constructors from a value, trying every constructor found
function tryChain(label, v) {
  let o = v;
  for (let depth = 0; depth < 6 && o !== null && o !== undefined; depth++) {
    const c = attempt(label + ' ctor' + depth, () => o.constructor);
    tryCode(label + '.constructor#' + depth, c);
    if (typeof c === 'function') tryCode(label + '.constructor.constructor#' + depth, attempt(label + ' ctor.ctor' + depth, () => c.constructor));
    o = attempt(label + ' proto' + depth, () => Object.getPrototypeOf(o));
  }
}
