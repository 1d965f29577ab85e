/**
 * Resource bombs: for every limit, programs that hit it through the language and through each
 * built-in whose cost is not one instruction. `limit` is the LimitError the bomb must end with;
 * `limits` the budgets it runs under (small, so a bomb that is not stopped before the host
 * allocates shows up as a jump in the host's heap or as an out-of-memory crash of the runner).
 * Plain data: bomb-runner.mjs runs them in a child process, bombs.test.ts checks the results,
 * and docs/SECURITY.md lists them (a test keeps the table in sync).
 */
export interface Bomb {
  id: string;
  limit: 'instructions' | 'heapBytes' | 'allocations' | 'callDepth' | 'outstandingHostCalls' | 'timeMs' | 'cancelled';
  /** The language feature or built-in the bomb goes through. */
  via: string;
  src: string;
  limits?: Record<string, number>;
  /** Capabilities the runner provides: `tick` (sync, counts calls; `abortAfter` aborts the run's signal), `lookup` (answers `{ n }`). */
  abortAfter?: number;
}

/** Heap budget of the memory bombs: small against what they try to allocate (≥ 256 MB). */
export const BOMB_HEAP = 8 * 1024 * 1024;
const H = { heapBytes: BOMB_HEAP };
const I = { instructions: 1_000_000, ...H };

const LIST: Bomb[] = [
  // ---- instructions ----
  { id: 'loop', limit: 'instructions', via: 'an empty infinite loop', src: 'for (;;) {}', limits: I },
  { id: 'catch-loop', limit: 'instructions', via: 'try/catch around the loop (a guest catch never sees a LimitError)', src: 'for (;;) { try { for (;;) {} } catch (e) {} }', limits: I },
  { id: 'array-includes', limit: 'instructions', via: 'Array.prototype.includes over 512K elements in a loop', src: 'const a = Array(1 << 19).fill(0); let n = 0; for (;;) n += a.includes(1) ? 1 : 0;', limits: I },
  { id: 'array-slice', limit: 'instructions', via: 'Array.prototype.slice of 256K elements in a loop', src: 'const a = Array(1 << 18).fill(0); let n = 0; for (;;) n += a.slice().length;', limits: I },
  { id: 'array-join-loop', limit: 'instructions', via: 'Array.prototype.join of 256K elements in a loop', src: 'const a = Array(1 << 18).fill(1); let n = 0; for (;;) n += a.join().length;', limits: I },
  { id: 'string-indexof', limit: 'instructions', via: 'String.prototype.indexOf over 2M characters in a loop', src: "const s = 'x'.repeat(1 << 21); let n = 0; for (;;) n += s.indexOf('y');", limits: I },
  { id: 'string-split', limit: 'instructions', via: 'String.prototype.split into 256K parts in a loop', src: "const s = 'x,'.repeat(1 << 18); let n = 0; for (;;) n += s.split(',').length;", limits: I },
  { id: 'string-normalize', limit: 'instructions', via: 'String.prototype.normalize of 1M characters in a loop', src: "const s = 'é'.repeat(1 << 20); let n = 0; for (;;) n += s.normalize('NFD').length;", limits: I },
  { id: 'sort', limit: 'instructions', via: 'Array.prototype.sort of 50K numbers in a loop', src: 'const a = Array(50000).fill(0).map((_, i) => (i * 7919) % 50000); for (;;) a.sort();', limits: { instructions: 2_000_000 } },
  { id: 'sort-comparator', limit: 'instructions', via: 'Array.prototype.sort with a comparator (guest frames)', src: 'const a = Array(50000).fill(0).map((_, i) => (i * 7919) % 50000); for (;;) a.sort((x, y) => x - y);', limits: { instructions: 2_000_000 } },
  { id: 'redos-nested-quantifier', limit: 'instructions', via: 'regex backtracking: /^(a+)+$/ on 40 a’s and a b', src: "/^(a+)+$/.test('a'.repeat(40) + 'b')", limits: I },
  { id: 'redos-alternation', limit: 'instructions', via: 'regex backtracking: /^(\\w|\\w\\w)*$/ (exponential alternation)', src: "/^(\\w|\\w\\w)*$/.test('a'.repeat(60) + '!')", limits: I },
  { id: 'redos-backreference', limit: 'instructions', via: 'regex backtracking with a backreference and lookahead', src: "/^(?=(a+))*(a*)\\2b$/.test('a'.repeat(5000))", limits: I },
  { id: 'redos-replace', limit: 'instructions', via: 'String.prototype.replace with a catastrophic global regex', src: "'x'.repeat(3000).replace(/(x+x+)+y/g, '')", limits: I },
  { id: 'bigint-tostring', limit: 'instructions', via: 'BigInt decimal conversion (quadratic on the host) in a loop', src: 'const b = 7n ** 100000n; let n = 0; for (;;) n += String(b).length;', limits: I },
  { id: 'bigint-multiply', limit: 'instructions', via: 'multiplying 500 Kbit BigInts in a loop', src: 'const a = 3n ** 300000n; let n = 0n; for (;;) n += (a * a) & 1n;', limits: I },
  // ---- heapBytes ----
  { id: 'string-repeat', limit: 'heapBytes', via: "String.prototype.repeat: 'x'.repeat(2 ** 28)", src: "'x'.repeat(2 ** 28).length", limits: H },
  { id: 'string-padend', limit: 'heapBytes', via: "String.prototype.padEnd: ''.padEnd(2 ** 28, 'ab')", src: "''.padEnd(2 ** 28, 'ab').length", limits: H },
  { id: 'string-padstart', limit: 'heapBytes', via: 'String.prototype.padStart to 2 ** 27', src: "'x'.padStart(2 ** 27, 'yz').length", limits: H },
  { id: 'array-join', limit: 'heapBytes', via: 'Array.prototype.join of 1M × 1000 characters', src: "Array(1e6).fill('x'.repeat(1000)).join('').length", limits: { ...H, instructions: 1e9 } },
  { id: 'array-join-separator', limit: 'heapBytes', via: 'Array.prototype.join with a 1000-character separator', src: "Array(1e6).fill('').join('x'.repeat(1000)).length", limits: { ...H, instructions: 1e9 } },
  { id: 'array-constructor', limit: 'heapBytes', via: 'Array(2 ** 32 - 1)', src: 'Array(2 ** 32 - 1).length', limits: H },
  { id: 'array-fill', limit: 'heapBytes', via: 'new Array(1e8).fill(0)', src: 'new Array(1e8).fill(0).length', limits: H },
  { id: 'array-from-length', limit: 'heapBytes', via: 'Array.from({ length: 1e8 })', src: 'Array.from({ length: 1e8 }).length', limits: H },
  { id: 'array-length', limit: 'heapBytes', via: 'setting an array’s length to 2 ** 32 - 1', src: 'const a = []; a.length = 2 ** 32 - 1;', limits: H },
  { id: 'string-doubling', limit: 'heapBytes', via: 'string concatenation doubling (s += s)', src: "let s = 'x'; for (;;) s += s;", limits: H },
  { id: 'template-doubling', limit: 'heapBytes', via: 'template literal doubling', src: "let s = 'x'; for (;;) s = `${s}${s}`;", limits: H },
  { id: 'concat-doubling', limit: 'heapBytes', via: 'String.prototype.concat doubling', src: "let s = 'x'; for (;;) s = s.concat(s);", limits: H },
  { id: 'array-concat-doubling', limit: 'heapBytes', via: 'Array.prototype.concat doubling', src: 'let a = [1]; for (;;) a = a.concat(a);', limits: H },
  { id: 'spread-doubling', limit: 'heapBytes', via: 'array spread doubling', src: 'let a = [1]; for (;;) a = [...a, ...a];', limits: H },
  { id: 'replaceall-growth', limit: 'heapBytes', via: 'String.prototype.replaceAll with a long replacement', src: "'x'.repeat(1 << 20).replaceAll('x', 'y'.repeat(1000)).length", limits: H },
  { id: 'json-stringify-wide', limit: 'heapBytes', via: 'JSON.stringify of 100K × 1000 characters', src: "JSON.stringify(Array(1e5).fill('x'.repeat(1000))).length", limits: H },
  { id: 'json-stringify-indent', limit: 'heapBytes', via: 'JSON.stringify with indentation of a shared subtree (exponential output)', src: 'let o = [1]; for (let i = 0; i < 40; i++) o = [o, o]; JSON.stringify(o, null, 10).length', limits: { ...H, instructions: 1e9 } },
  { id: 'bigint-power', limit: 'heapBytes', via: 'BigInt power: 2n ** 10000000n', src: '2n ** 10000000n', limits: H },
  { id: 'bigint-square-doubling', limit: 'heapBytes', via: 'BigInt squaring doubling (b = b * b)', src: 'let b = 3n; for (;;) b = b * b;', limits: H },
  { id: 'bigint-shift-growth', limit: 'heapBytes', via: 'BigInt left shifts growing a value (b <<= 99999n)', src: 'let b = 1n; for (;;) b <<= 99999n;', limits: H },
  { id: 'bigint-negative-right-shift', limit: 'heapBytes', via: 'BigInt right shift by a negative count (a left shift in disguise)', src: '1n >> -100000000n', limits: H },
  { id: 'bigint-kept-alive', limit: 'heapBytes', via: 'many 1 Mbit BigInts kept alive', src: 'const keep = []; for (let i = 0n; ; i++) keep.push(2n ** 999999n + i);', limits: { ...H, instructions: 1e9 } },
  { id: 'strings-kept-alive', limit: 'heapBytes', via: '1 MB strings from toUpperCase kept alive', src: "const s = 'x'.repeat(1 << 19); const keep = []; for (;;) keep.push(s.toUpperCase());", limits: H },
  { id: 'object-growth', limit: 'heapBytes', via: 'a growing object graph', src: 'const keep = []; for (;;) keep.push({ a: keep.length, b: [1, 2, 3] });', limits: H },
  { id: 'map-growth', limit: 'heapBytes', via: 'Map.prototype.set in an endless loop', src: 'const m = new Map(); for (let i = 0; ; i++) m.set(i, [i]);', limits: { ...H, instructions: 1e9 } },
  { id: 'capability-fanout', limit: 'heapBytes', via: 'capability fan-out: unbounded calls queued beyond the outstanding limit', src: 'const ps = []; for (;;) ps.push(lookup(ps.length)); await ps[0];', limits: { ...H, outstandingHostCalls: 8 } },
  { id: 'promise-storm', limit: 'heapBytes', via: 'a promise storm: a million reactions on one promise', src: 'const p = Promise.resolve(); for (let i = 0; i < 1e6; i++) p.then(() => 0);', limits: { instructions: 1e9 } },
  { id: 'microtask-loop', limit: 'heapBytes', via: 'a self-scheduling microtask chain (each promise adopts the next: the chain stays alive)', src: 'function f() { return Promise.resolve().then(f); } f();', limits: { instructions: 1e9 } },
  { id: 'json-parse-deep', limit: 'heapBytes', via: 'JSON.parse of 1 000 000 nested arrays (parsed iteratively, as V8 does; every array charged)', src: "JSON.parse('['.repeat(1e6) + ']'.repeat(1e6))", limits: { instructions: 1e9 } },
  // an Array method called on an array-like of any length loops in the host: every element read is charged, checked
  { id: 'arraylike-includes', limit: 'instructions', via: 'Array.prototype.includes on an array-like of length 2^53 − 1', src: 'Array.prototype.includes.call({ length: 2 ** 53 - 1 }, 1)', limits: I },
  { id: 'arraylike-join', limit: 'instructions', via: 'Array.prototype.join on an array-like of length 2^53 − 1', src: 'Array.prototype.join.call({ length: 2 ** 53 - 1 })', limits: I },
  { id: 'arraylike-flat', limit: 'instructions', via: 'Array.prototype.flat on an array-like of length 2^53 − 1 (it aborted the host)', src: 'Array.prototype.flat.call({ length: 2 ** 53 - 1 })', limits: I },
  { id: 'arraylike-reverse', limit: 'instructions', via: 'Array.prototype.reverse on an array-like of length 2^53 − 1', src: 'Array.prototype.reverse.call({ length: 2 ** 53 - 1 })', limits: I },
  { id: 'string-raw-length', limit: 'instructions', via: 'String.raw with raw.length 2^53 − 1', src: 'String.raw({ raw: { length: 2 ** 53 - 1 } })', limits: I },
  { id: 'apply-arraylike', limit: 'heapBytes', via: 'Function.prototype.apply with an array-like of length 2^32 − 1 (it aborted the host)', src: 'Math.max.apply(null, { length: 2 ** 32 - 1 })', limits: { ...H, instructions: 1e15 } },
  // ---- allocations ----
  { id: 'allocation-loop', limit: 'allocations', via: 'object literals in a loop', src: 'for (;;) { const o = {}; }', limits: { allocations: 50_000 } },
  { id: 'allocation-builtin', limit: 'allocations', via: 'built-ins that allocate (slice) in a loop', src: 'const a = [1, 2]; for (;;) a.slice();', limits: { allocations: 50_000 } },
  { id: 'allocation-closures', limit: 'allocations', via: 'closures created in a loop', src: 'for (let i = 0; ; i++) { const f = () => i; }', limits: { allocations: 50_000 } },
  // ---- callDepth ----
  { id: 'recursion', limit: 'callDepth', via: 'unbounded recursion', src: 'function f(n) { return f(n + 1) + 1; } f(0)' },
  { id: 'recursion-through-map', limit: 'callDepth', via: 'recursion through Array.prototype.map callbacks', src: 'function f() { return [1].map(f); } f()' },
  { id: 'recursion-through-getter', limit: 'callDepth', via: 'a getter that reads itself', src: 'const o = { get g() { return o.g; } }; o.g' },
  { id: 'recursion-through-tostring', limit: 'callDepth', via: 'toString that converts itself', src: "const o = { toString() { return '' + o; } }; String(o)" },
  { id: 'recursion-through-sort', limit: 'callDepth', via: 'a sort comparator that sorts again', src: 'function c(a, b) { [2, 1].sort(c); return a - b; } [2, 1].sort(c)' },
  { id: 'nested-array-tostring', limit: 'callDepth', via: 'String() of 10 000 nested arrays', src: 'let a = []; for (let i = 0; i < 10000; i++) a = [a]; String(a)' },
  { id: 'async-recursion', limit: 'callDepth', via: 'async recursion before the first await', src: 'async function f() { await f(); } await f();' },
  // ---- outstandingHostCalls (a bound on calls in flight; the rest wait in the guest heap) ----
  { id: 'fanout-in-flight', limit: 'outstandingHostCalls', via: '2 000 concurrent capability calls: the host never sees more than the limit in flight', src: 'const r = await Promise.all(Array.from({ length: 2000 }, (_, i) => lookup(i))); r.length', limits: { outstandingHostCalls: 8 } },
  // ---- timeMs (cooperative; instruction counts differ between runs by nature) ----
  { id: 'time-loop', limit: 'timeMs', via: 'an infinite loop with the instruction budget lifted', src: 'for (;;) {}', limits: { instructions: 1e15, timeMs: 100 } },
  { id: 'time-builtin-loop', limit: 'timeMs', via: 'expensive built-ins in a loop with the instruction budget lifted (each call’s work is bounded, so the clock is read often)', src: "const s = 'é'.repeat(1 << 18); for (;;) s.normalize('NFD');", limits: { instructions: 1e15, timeMs: 100 } },
  { id: 'time-arraylike', limit: 'timeMs', via: 'an Array method over an array-like of length 2^53 − 1 with the instruction budget lifted (the clock is read inside the loop)', src: 'Array.prototype.indexOf.call({ length: 2 ** 53 - 1 }, 1)', limits: { instructions: 1e15, timeMs: 100 } },
  // ---- cancellation ----
  { id: 'cancel-signal', limit: 'cancelled', via: 'an AbortSignal aborted by the host while the program loops calling a capability', src: 'for (;;) tick();', abortAfter: 100 },
];

/** Every bomb runs under the small heap budget unless it names its own. */
export const BOMBS: Bomb[] = LIST.map((b) => ({ ...b, limits: { heapBytes: BOMB_HEAP, ...b.limits } }));
