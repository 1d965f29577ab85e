// id: ctor-errors
// technique: constructor chains from error objects of every type, including errors the runtime raises itself
// source: vm2 CVE-2023-29017 / CVE-2023-30547 (host exceptions reach the sandbox and give the host Function)
// expect: result
// cli: yes
const made = [new Error('x'), new TypeError('t'), new RangeError('r'), new SyntaxError('s'), new ReferenceError('r'), new EvalError('e'), new URIError('u'), new AggregateError([new Error('a')], 'agg')];
for (const e of made) tryChain('made ' + e.name, e);
const raised = [
  () => null.x, () => undefined(), () => { const c = 1; c = 2; }, () => new Array(-1), () => 'x'.repeat(-1), () => decodeURIComponent('%'),
  () => JSON.parse('{'), () => BigInt(1.5), () => 1n + 1, () => Symbol() + '', () => new RegExp('('), () => (1).toFixed(500),
  () => new Date(NaN).toISOString(), () => ''.normalize('bad'), () => Object.defineProperty(1, 'x', {}), () => new (class { #p; static t(o) { return o.#p; } }).t({}),
];
for (const f of raised) {
  try { f(); } catch (e) {
    escaped('runtime error is not a guest error: ' + e.name, !(e instanceof Error) || e.constructor !== globalThis[e.name]);
    tryChain('raised ' + e.name, e);
  }
}
R
