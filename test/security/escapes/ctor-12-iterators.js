// id: ctor-iterators
// technique: constructor chains from iterator objects (array, string, map, set, regexp string, generator) and %IteratorPrototype%
// source: SES hidden intrinsics (%ArrayIteratorPrototype%, %IteratorPrototype%); vm2 issues on iterator helpers
// expect: result
const its = { array: [1][Symbol.iterator](), string: 'ab'[Symbol.iterator](), map: new Map([[1, 2]]).entries(), set: new Set([1]).values(), regexp: 'aa'.matchAll(/a/g), keys: Object.keys ? [1].keys() : null };
for (const k of Object.keys(its)) {
  tryChain('iterator ' + k, its[k]);
  const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(its[k]));
  attempt(k + ' %IteratorPrototype%.constructor', () => IteratorPrototype.constructor);
  tryChain(k + ' next result', its[k].next());
}
R
