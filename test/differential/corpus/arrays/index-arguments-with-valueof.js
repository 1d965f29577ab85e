// diff: compare-messages
// Index and count arguments of Array.prototype methods convert with the object's own
// valueOf/toString/Symbol.toPrimitive, after the length is read, in argument order; an
// empty receiver returns before indexOf/includes/lastIndexOf convert fromIndex.
const log = [];
const n = (v, tag) => ({ valueOf() { log.push(tag); return v; } });
const out = [
  [1, 2, 3, 4].slice(n(1, 'slice start'), n(3, 'slice end')),
  [1, 2, 3].at(n(-1, 'at')),
  [1, 2, 3].with(n(1, 'with'), 9),
  [1, 2, 3].with({ toString() { return '2'; } }, 'z'),
  [1, 2, 3].splice(n(1, 'splice start'), n(1, 'splice count'), 'x'),
  [1, 2, 3].toSpliced(n(1, 'toSpliced start'), n(1, 'toSpliced count'), 'x'),
  [1, 2, 3].indexOf(3, n(1, 'indexOf')),
  [1, 2, 3].lastIndexOf(1, n(1, 'lastIndexOf')),
  [1, 2, 3].includes(1, n(1, 'includes')),
  [].indexOf(1, n(0, 'indexOf empty')),
  [].includes(1, n(0, 'includes empty')),
  [].lastIndexOf(1, n(0, 'lastIndexOf empty')),
  [1, 2, 3].fill(0, n(1, 'fill start'), n(2, 'fill end')),
  [1, 2, 3, 4, 5].copyWithin(n(0, 'copy target'), n(3, 'copy start'), n(4, 'copy end')),
  [1, [2, [3, [4]]]].flat(n(2, 'flat')),
  [1, 2, 3].indexOf(3, { [Symbol.toPrimitive](hint) { log.push('hint ' + hint); return '1'; } }),
  Array.prototype.at.call('abc', n(-1, 'string receiver')),
  Array.prototype.slice.call({ length: 3, 0: 'a', 1: 'b', 2: 'c' }, n(1, 'array-like')),
  (() => { const a = [1, 2, 3]; return a.slice(n(0, 'mutating'), { valueOf() { a[0] = 9; return 2; } }); })(),
];
const errors = [];
for (const f of [
  () => [1, 2, 3].with(n(5, 'with out of range'), 'z'),
  () => [1, 2, 3].slice({ valueOf() { return Symbol(); } }, n(1, 'never converted')),
  () => [1, 2, 3].at({ valueOf() { return 1n; } }),
  () => Array.prototype.at.call(null, n(1, 'null receiver')),
]) {
  try {
    f();
  } catch (e) {
    errors.push(`${e.name}: ${e.message}`);
  }
}
({ out, errors, log });
