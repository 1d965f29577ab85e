/**
 * Boundary values survive a snapshot at every instruction boundary: -0, NaN, holes,
 * unicode with lone surrogates, bigints, symbols (well-known, registered, unique), Map/Set
 * (with deletions and live iterators), Date, RegExp with lastIndex, generators
 * mid-iteration, closures sharing environments, class private fields, template objects,
 * bound functions, promises and for-in.
 */
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 120_000 });
import type { CompiledProgram } from '../../../core/index';
import { programFor, start, type Execution, type StartOptions } from '../../../core/execution';
import { restore, snapshot } from '../../../core/snapshot/index';

const KEY = 'values';

interface Run {
  value: unknown;
  instructions: number;
  console: string[];
}

function plain(program: CompiledProgram): Run {
  const lines: string[] = [];
  const ex = start(program, { seed: 9, now: () => 86_400_000, onConsole: (l, t) => lines.push(`${l}: ${t}`) });
  const o = ex.outcome;
  if (o.status !== 'completed') throw new Error('expected completion');
  return { value: o.value, instructions: o.instructions, console: lines };
}

/** Pauses every `step` instructions and round-trips each pause through bytes. */
function durable(program: CompiledProgram, step: number): Run & { snapshots: number; maxBytes: number } {
  const lines: string[] = [];
  const opts: StartOptions = { seed: 9, now: () => 86_400_000, onConsole: (l, t) => lines.push(`${l}: ${t}`), sliceInstructions: step };
  let ex: Execution = start(program, opts);
  let snapshots = 0;
  let maxBytes = 0;
  while (ex.outcome.status !== 'completed') {
    const bytes = snapshot(ex, KEY);
    maxBytes = Math.max(maxBytes, bytes.length);
    snapshots++;
    ex = restore(program, bytes, { ...opts, key: KEY });
    ex.resume();
  }
  const o = ex.outcome;
  return { value: o.value, instructions: o.instructions, console: lines, snapshots, maxBytes };
}

const CASES: Record<string, string> = {
  numbers: `
    const z = -0, n = NaN, big = 2 ** 60, neg = -(2 ** 60), tiny = 5e-324, negs = [-1, -128, -65536, -2147483649];
    const back = [1 / z, Object.is(z, -0), n !== n, big, neg, tiny, -Infinity, Infinity, ...negs, -1.5];
    console.log(z, [z], { z }, n, big);
    back`,
  'holes and arrays': `
    const a = [1, , 3]; a[10] = 'x'; const b = new Array(3); const c = [undefined, , null];
    const frozen = Object.freeze([1, 2]);
    let e; try { frozen.push(3); } catch (err) { e = err.name; }
    [a.length, 1 in a, 5 in a, b.length, 0 in b, 0 in c, 1 in c, a.indexOf(undefined), e, Object.isFrozen(frozen)]`,
  unicode: `
    const s = 'a\\ud800b\\udc00c\\u{1F600}\\u00e9\\0end';
    const lone = s.charCodeAt(1);
    const o = { ['k\\ud800']: 1, '\\u{1F600}': 2 };
    const keys = Object.keys(o);
    console.log(s.length, keys.length);
    [s, lone, keys, s.codePointAt(5), [...'\\ud83d\\ude00\\ud800'].length, JSON.stringify('\\udfff')]`,
  bigint: `
    const x = 1n << 100n, y = -(3n ** 50n), z = 0n, m = -1n;
    const obj = Object(5n);
    [String(x), String(y), z === 0n, m < 0n, typeof obj, obj.valueOf() === 5n, (x * y).toString(36)]`,
  symbols: `
    const u = Symbol('unique'), u2 = Symbol(), reg = Symbol.for('app.key');
    const o = { [u]: 1, [reg]: 2, [Symbol.toStringTag]: 'Tagged' };
    const wrapped = Object(u);
    [typeof u, u.description, u2.description, Symbol.keyFor(reg), Symbol.for('app.key') === reg, o[u], o[reg],
     String(o), Object.getOwnPropertySymbols(o).length, typeof wrapped, u === u, Symbol.iterator in []]`,
  collections: `
    const m = new Map([[1, 'a'], ['k', { deep: [1] }], [NaN, 'nan'], [-0, 'zero']]);
    const s = new Set([1, 2, 3, 'x']);
    for (let i = 0; i < 100; i++) s.add('t' + i);
    for (let i = 0; i < 90; i++) s.delete('t' + i);
    const it = s.values(); it.next(); it.next();
    s.delete(3);
    const mi = m.entries(); mi.next();
    m.delete('k'); m.set('late', 1);
    [m.get(NaN), m.get(0), m.size, [...mi].map(String), s.size, [...it].length, [...m.keys()].map(String)]`,
  'dates and regexps': `
    const d = new Date(Date.UTC(2024, 1, 29, 12, 30));
    const bad = new Date(NaN);
    const re = /(\\d+)-(?<w>[a-z]+)/gu;
    const str = '12-ab 34-cd 56-ef';
    const first = re.exec(str);
    const li = re.lastIndex;
    const sticky = /a/y; sticky.lastIndex = 2;
    const re2 = new RegExp('a/b\\n', 'i');
    const second = re.exec(str);
    [d.toISOString(), isNaN(bad.getTime()), first[0], first.groups.w, li, re.lastIndex, second && second[2], sticky.lastIndex,
     sticky.test('xxa'), re2.source, re2.test('A/B\\n'), String(re), [...str.matchAll(/\\d/g)].length]`,
  generators: `
    function* g(n) { try { for (let i = 0; i < n; i++) { const got = yield i * 2; if (got) console.log('got', got); } } finally { console.log('cleanup'); } }
    const it = g(5);
    const a = [it.next().value, it.next('x').value];
    const rest = [];
    for (const v of it) { rest.push(v); if (v === 6) break; }
    const it2 = g(3); it2.next();
    const r = it2.return(42);
    function* inner() { yield* [1, 2]; return 3; }
    function* outer() { const r = yield* inner(); yield r; }
    [a, rest, r, it.next(), [...outer()]]`,
  closures: `
    function counter() { let n = 0; return { inc: () => ++n, get: () => n, reset() { n = 0; } }; }
    const c = counter(); c.inc(); c.inc();
    const fns = [];
    for (let i = 0; i < 3; i++) fns.push(() => i);
    let shared = 1;
    const add = (k) => (shared += k);
    const read = () => shared;
    add(5);
    const bound = function (a, b) { return this.x + a + b; }.bind({ x: 1 }, 2);
    [c.get(), c.inc(), fns.map((f) => f()), read(), add(1), read(), bound(3), bound.name, bound.length]`,
  classes: `
    class Base { #secret = 41; static #count = 0; static made() { return Base.#count; }
      constructor() { Base.#count++; } get secret() { return this.#secret; } bump() { this.#secret++; return this; }
      #hidden() { return 'h' + this.#secret; } reveal() { return this.#hidden(); } static has(o) { return #secret in o; } }
    class Derived extends Base { field = this.secret * 2; constructor() { super(); this.extra = 'e'; } get both() { return super.secret + ':' + this.field; } }
    const d = new Derived().bump();
    const b = new Base();
    [d.secret, d.field, d.both, d.reveal(), Base.made(), Base.has(d), Base.has({}), d instanceof Base, Object.keys(d), b.secret]`,
  'Intl formatters': `
    const f = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
    const g = f.format;
    const d = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    const pct = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
    [g(1234.5), f.format(-0), d.format(new Date(0)), g === f.format, pct.format(0.1234), f.resolvedOptions().currency]`,
  'templates, for-in, promises': `
    const tag = (s, ...v) => s.raw.join('|') + v.join(',');
    const site = () => tag\`a\${1}b\\n\${2}c\`;
    const same = (() => { const f = (s) => s; const g = () => f\`x\`; return g() === g(); })();
    const o = { a: 1, b: 2, c: 3 };
    const seen = [];
    for (const k in o) { seen.push(k); if (k === 'a') delete o.c; }
    const log = [];
    const p = Promise.resolve(1).then((v) => { log.push('then ' + v); return v + 1; });
    const q = new Promise((res, rej) => rej(new TypeError('nope'))).catch((e) => e.message);
    const all = await Promise.all([p, q, 3]);
    [site(), same, seen, log, all]`,
};

describe('boundary values survive snapshots at every instruction boundary', () => {
  for (const [name, src] of Object.entries(CASES)) {
    it(name, () => {
      const program = programFor(src, {});
      const base = plain(program);
      const d = durable(program, 1);
      // (built-ins that charge their work as instructions skip boundaries)
      expect(d.snapshots).toBeGreaterThan(base.instructions / 2);
      expect({ value: d.value, instructions: d.instructions, console: d.console }).toEqual(base);
    });
  }

  it('a value kept across the snapshot keeps its identity and exact form', () => {
    const src = `
      const keep = { negZero: -0, nan: NaN, hole: [, 1], s: 'x\\udc00', big: -12345678901234567890n };
      const same = [keep, keep];
      const sym = Symbol('s');
      keep[sym] = same;
      await null;
      [same[0] === same[1], Object.is(keep.negZero, -0), Number.isNaN(keep.nan), 0 in keep.hole, keep.s.length, keep.big, keep[sym] === same]`;
    const program = programFor(src, {});
    const ex = start(program, { sliceInstructions: 20 });
    const bytes = snapshot(ex, KEY);
    const r = restore(program, bytes, { key: KEY });
    let o = r.resume([], { sliceInstructions: Infinity });
    expect(o).toEqual({ status: 'completed', value: [true, true, true, false, 2, -12345678901234567890n, true], instructions: o.instructions });
    // and the result value itself crosses exactly
    const p2 = programFor(`await null; [-0, NaN, [1, , 3], 'a\\ud800', 2n ** 64n]`, {});
    const e2 = start(p2, { sliceInstructions: 3 });
    o = restore(p2, snapshot(e2, KEY), { key: KEY }).resume([], { sliceInstructions: Infinity });
    expect(o.status === 'completed' && o.value).toEqual([-0, NaN, [1, , 3], 'a\ud800', 2n ** 64n]);
    expect(Object.is((o as { value: unknown[] }).value[0], -0)).toBe(true);
  });
});

describe('what the snapshot carries', () => {
  it('inputs are part of the snapshot (the global object is stored), whatever the restoring host passes', () => {
    const program = programFor('const before = cfg.n; await null; [before, cfg.n, cfg.list.length, typeof other]', { inputs: { cfg: 0 } });
    const ex = start(program, { inputs: { cfg: { n: 5, list: [1, 2, 3] } }, sliceInstructions: 2 });
    const bytes = snapshot(ex, KEY);
    const r = restore(program, bytes, { key: KEY, inputs: { cfg: { n: 99, list: [] }, other: 1 } });
    const o = r.resume([], { sliceInstructions: Infinity });
    expect(o.status === 'completed' && o.value).toEqual([5, 5, 3, 'undefined']);
  });

  it('the seed and Math.random continue the same sequence', () => {
    const program = programFor('const a = Math.random(); await null; [a, Math.random(), Math.random()]', {});
    const plainRun = start(program, { seed: 123 });
    const ex = start(program, { seed: 123, sliceInstructions: 5 });
    const r = restore(program, snapshot(ex, KEY), { key: KEY, seed: 999 });
    expect(r.seed).toBe(123);
    expect(r.resume([], { sliceInstructions: Infinity })).toEqual(plainRun.outcome);
  });
});

describe('one execution snapshotted again and again', () => {
  // The encoder numbers heap objects in their markEpoch field and leaves the numbers there
  // afterwards: a later snapshot of the same execution must tell them from its own.
  const caps = [{ name: 'tick' }];
  const src = `
    const a = [];
    for (let i = 0; i < 40; i++) a.push({ i, s: 'v' + i });
    const keep = [a[3], a[3]];
    tick(1);
    a.reverse();
    a.unshift({ i: -1 }, a[39]);
    const b = a.slice(10, 20);
    b.push(a[0], keep[0]);
    tick(2);
    [a.map((o) => o.i).join(','), b.map((o) => o.i).join(','), b[10] === a[0], b[11] === keep[1], a[1] === a[41]]`;
  const program = programFor(src, { capabilities: caps });
  const answer = (ex: Execution, v: number) => {
    const o = ex.outcome;
    if (o.status !== 'suspended') throw new Error(`expected a suspension, got ${o.status}`);
    return ex.resume([{ id: o.calls[0].id, value: v }]);
  };

  it('twice in a row: the same bytes; after the heap was reordered: restores exactly', () => {
    const plainEx = start(program, { capabilities: caps, seed: 1 });
    answer(plainEx, 0);
    const expected = answer(plainEx, 0);
    expect(expected.status).toBe('completed');

    const ex = start(program, { capabilities: caps, seed: 1 });
    const first = snapshot(ex, KEY);
    expect(Buffer.from(snapshot(ex, KEY))).toEqual(Buffer.from(first));
    answer(ex, 0);
    // the objects still hold their numbers from `first`, and are reached in another order now
    const second = snapshot(ex, KEY);
    expect(Buffer.from(snapshot(ex, KEY))).toEqual(Buffer.from(second));
    const fromSecond = restore(program, second, { capabilities: caps, key: KEY });
    expect(answer(fromSecond, 0)).toEqual(expected);
    const fromFirst = restore(program, first, { capabilities: caps, key: KEY });
    answer(fromFirst, 0);
    expect(answer(fromFirst, 0)).toEqual(expected);
    expect(answer(ex, 0)).toEqual(expected);
  });

  it('a restored execution snapshotted again gives the bytes it was restored from', () => {
    const ex = start(program, { capabilities: caps, seed: 1 });
    const bytes = snapshot(ex, KEY);
    const again = restore(program, bytes, { capabilities: caps, key: KEY });
    expect(Buffer.from(snapshot(again, KEY))).toEqual(Buffer.from(bytes));
  });
});

describe('arrays of like objects (written and read as runs)', () => {
  it('a run breaks where flags, prototype, shape or slot count differ, and restores exactly', () => {
    const src = `
      const proto = { kind() { return 'p' + this.a; } };
      const make = (i) => ({ a: i, b: 'b' + i });
      const list = [];
      for (let i = 0; i < 6; i++) list.push(make(i));
      list.push(Object.freeze(make(6)), Object.preventExtensions(make(7)), make(8));
      const withProto = Object.create(proto); withProto.a = 9; withProto.b = 'b9';
      list.push(withProto, make(10));
      const bare = Object.create(null); bare.a = 11; bare.b = 'b11';
      list.push(bare, make(12), { a: 13 }, { a: 14, b: 'b14', c: 1, d: 2, e: 3 }, make(15));
      const acc = { a: 16, get b() { return 'b' + this.a; } };
      list.push(acc, make(17), make(18));
      for (let i = 30; i < 33; i++) list.push(Object.preventExtensions(make(i)));
      await null;
      list.map((o) => [o.a, o.b, Object.isFrozen(o), Object.isExtensible(o), Object.getPrototypeOf(o) === proto ? o.kind() : Object.getPrototypeOf(o) === null, Object.keys(o).length].join(':')).join(' ')`;
    const program = programFor(src, {});
    const base = plain(program);
    for (const step of [40, 150, 600]) {
      const d = durable(program, step);
      expect(d.snapshots).toBeGreaterThan(0);
      expect({ value: d.value, instructions: d.instructions, console: d.console }).toEqual(base);
    }
    expect(String(base.value)).toContain('6:b6:true:false:false:2 7:b7:false:false:false:2');
    expect(String(base.value)).toContain('9:b9:false:true:p9:2');
    expect(String(base.value)).toContain('11:b11:false:true:true:2');
    expect(String(base.value)).toContain('31:b31:false:false:false:2 32:b32:false:false:false:2');
  });
});

describe('restoring with a separately compiled copy of the program (as another process would)', () => {
  it('function, prelude and template references resolve by index', () => {
    const src = `
      const tag = (s) => s;
      const site = () => tag\`a\${1}b\`;
      const first = site();
      const sorted = [3, 1, 2].sort((a, b) => { return a - b; });
      function* g() { yield 1; yield 2; }
      const it = g(); it.next();
      await null;
      [first === site(), tag\`a\${1}b\` === first, sorted, it.next().value, [5, 4].map((x) => x * 2)]`;
    const a = programFor(src, {});
    const b = programFor(src, {});
    for (const k of [3, 17, 40, 80]) {
      const ex = start(a, { sliceInstructions: k });
      if (ex.outcome.status === 'completed') continue;
      const r = restore(b, snapshot(ex, KEY), { key: KEY });
      const o = r.resume([], { sliceInstructions: Infinity });
      expect(o.status === 'completed' && o.value).toEqual([true, false, [1, 2, 3], 2, [10, 8]]);
    }
  });
});

describe('debugger stops', () => {
  const hooks = start('1', { sliceInstructions: 1 }).vm as unknown as Record<string, unknown>;
  it.skipIf(!('onThrow' in hooks))('a throw a debugger stopped at unwinds after the restore', () => {
    const src = `let log = []; function f() { throw new RangeError('boom'); } try { f(); } catch (e) { log.push(e.message); } log.push('after'); log`;
    const program = programFor(src, {});
    const ex = start(program, { sliceInstructions: 1 });
    (ex.vm as unknown as { onThrow: (v: unknown) => boolean }).onThrow = () => true;
    let o = ex.resume([], { sliceInstructions: Infinity });
    expect(o.status).toBe('paused');
    const r = restore(program, snapshot(ex, KEY), { key: KEY });
    expect(r.outcome).toEqual(o);
    o = r.resume([], { sliceInstructions: Infinity });
    expect(o.status === 'completed' && o.value).toEqual(['boom', 'after']);
  });
});
