// diff: compare-messages
// parseInt, parseFloat, isNaN, isFinite and the URI functions convert their arguments with
// the object's own valueOf/toString; Number.parseInt and Number.parseFloat are the globals.
const log = [];
const v = (x, tag) => ({ valueOf() { log.push(tag); return x; } });
const s = (x, tag) => ({ toString() { log.push(tag); return x; } });
const out = [
  isNaN(v(4, 'isNaN')), isNaN(s('x', 'isNaN string')), isFinite(v(Infinity, 'isFinite')),
  parseInt(s('ff', 'parseInt string'), v(16, 'parseInt radix')), parseFloat(s('1.5e3', 'parseFloat')),
  encodeURIComponent(s('a b&c', 'encode')), decodeURIComponent(s('%41', 'decode')),
  Number.parseInt === parseInt, Number.parseFloat === parseFloat, Number.parseInt('12px'),
];
const errors = [];
for (const f of [
  () => encodeURIComponent(Symbol('q')),
  () => decodeURIComponent('%'),
  () => isNaN(1n),
  () => parseInt(s('9', 'before'), { valueOf() { throw new Error('radix failed'); } }),
]) {
  try {
    f();
  } catch (e) {
    errors.push(`${e.name}: ${e.message}`);
  }
}
({ out, errors, log });
