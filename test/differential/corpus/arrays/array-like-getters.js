// join, slice, indexOf, lastIndexOf, includes and at on array-likes whose elements or length
// are getters: every getter runs in the specification's order, index arguments convert after
// the length is read, and a conversion that changes an array's length does not change the
// length already read.
const log = [];
const al = () => ({ length: 4, get 0() { log.push('g0'); return 'x'; }, 1: 'y', 3: NaN, get 5() { log.push('never'); return 1; } });
const n = (v, tag) => ({ valueOf() { log.push(tag); return v; } });
const AP = Array.prototype;
const out = [
  AP.join.call(al(), '-'), AP.slice.call(al()), AP.slice.call(al(), 1, -1), AP.slice.call(al(), -Infinity, Infinity),
  AP.indexOf.call(al(), 'y'), AP.indexOf.call(al(), 'x', 1), AP.indexOf.call(al(), 'x', -Infinity),
  AP.lastIndexOf.call(al(), 'x'), AP.lastIndexOf.call(al(), 'x', -10), AP.lastIndexOf.call(al(), 'y', Infinity),
  AP.includes.call(al(), NaN), AP.includes.call(al(), undefined), AP.includes.call(al(), 'x', 1),
  AP.at.call(al(), -4), AP.at.call(al(), 0),
  AP.slice.call({ get length() { log.push('len'); return 2; }, 0: 'a', 1: 'b' }, n(1, 'start')),
  AP.indexOf.call({ get length() { log.push('len0'); return 0; } }, 1, n(0, 'never converted')),
  AP.includes.call({ length: 3, get 1() { log.push('g1'); return 'z'; } }, 'z'),
  (() => { const a = [1, 2, 3]; return a.slice(n(0, 'push')) && a.slice({ valueOf() { a.push(4); return 0; } }); })(),
  (() => { const a = [1, 2, 3]; return a.indexOf(4, { valueOf() { a.push(4); return 0; } }); })(),
];
let error = null;
try {
  AP.join.call({ length: 2, get 0() { throw new Error('boom'); } });
} catch (e) {
  error = e.message;
}
({ out, log, error });
