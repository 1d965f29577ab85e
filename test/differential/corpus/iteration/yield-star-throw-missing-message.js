// diff: compare-messages
// yield* into an iterator without throw(): the iterator is closed and V8's TypeError (with its period) thrown.
const it = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; } }; } };
const g = (function* () { yield* it; })(); g.next();
let m; try { g.throw(1); } catch (e) { m = e.message; }
m
