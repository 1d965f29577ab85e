/**
 * Map and Set: a differential table against V8 (results and error messages), including
 * iteration while entries are added, deleted and cleared, and the table compaction that
 * keeps live iterators in place. Map.groupBy (not in the oracle's V8 11.3) is checked
 * against expected values.
 */
import { describe, expect, it } from 'vitest';
import { v8Table } from './v8-table';
import { runSync } from '../../../core/index';
import { createVM } from '../../../core/run';
import { Cls, IterKind, JSCollection, JSIterator } from '../../../core/objects';
import { HOLE } from '../../../core/value';
import { collectionClear, collectionDelete, collectionSet } from '../../../core/builtins/collections';

const CASES: Record<string, string[]> = {
  'Map basics': [
    'const m = new Map(); m.set("a", 1).set("b", 2); [m.size, m.get("a"), m.get("z"), m.has("b"), m.has("z")]',
    'const m = new Map([[1, "a"], [2, "b"]]); [...m]',
    'const m = new Map([[1, "a"]]); [m.delete(1), m.delete(1), m.size, m.get(1)]',
    'const m = new Map([[1, 1], [2, 2]]); m.clear(); [m.size, [...m], m.clear()]',
    'const m = new Map(); m.set(NaN, "nan"); [m.get(NaN), m.has(NaN), m.size]',
    'const m = new Map(); m.set(-0, "z"); [m.get(0), m.get(-0), Object.is([...m.keys()][0], -0), m.has(+0)]',
    'const m = new Map(); m.set(0, "a").set(-0, "b"); [m.size, m.get(0)]',
    'const m = new Map(); const k = {}; m.set(k, 1); [m.get(k), m.get({}), m.has(k)]',
    'const m = new Map(); m.set("1", "s").set(1, "n").set(1n, "b").set(true, "t").set(null, "nl").set(undefined, "u"); [m.size, m.get("1"), m.get(1), m.get(1n), m.get(true), m.get(null), m.get(undefined), m.get()]',
    'const s1 = Symbol("a"); const m = new Map([[s1, 1], [Symbol("a"), 2]]); [m.size, m.get(s1)]',
    'const m = new Map([["z", 1], ["a", 2]]); m.set("z", 3); m.delete("a"); m.set("a", 4); [...m]',
    'const m = new Map([["a", 1]]); [m.set("b", 2) === m, m.get("b")]',
    'new Map([[1, 2], [1, 3]]).get(1)',
    'new Map([[1]]).get(1)',
    'new Map([[]]).has(undefined)',
    'new Map([[1, 2, 3]]).get(1)',
    'new Map([[1, 2]].values()).get(1)',
    'new Map(new Map([[1, 2], [3, 4]])).size',
    'const src = new Map([[1, "a"]]); const copy = new Map(src); copy.set(2, "b"); [src.size, copy.size]',
    'new Map(Object.entries({ a: 1, b: 2 })).get("b")',
    'Object.fromEntries(new Map([["a", 1], ["b", 2]]))',
    'new Map(null).size',
    'new Map(undefined).size',
    'new Map("").size',
    'new Map([{ 0: "k", 1: "v" }]).get("k")',
    'const entry = { get 0() { return "gk"; }, get 1() { return "gv"; } }; new Map([entry]).get("gk")',
    'function* g() { yield ["a", 1]; yield ["b", 2]; } [...new Map(g())]',
    'new Map([[1, 2]]).get.length',
    '[Map.length, Map.name, Map.prototype.set.length, Map.prototype.forEach.length, Map.prototype.has.length, Map.prototype.delete.length, Map.prototype.clear.length]',
    'Object.getOwnPropertyNames(Map.prototype).sort()',
    '[Object.getOwnPropertyNames(Map.prototype), Object.getOwnPropertyNames(Set.prototype)]',
    '[Map.prototype[Symbol.iterator] === Map.prototype.entries, Map.prototype[Symbol.toStringTag], Object.prototype.toString.call(new Map())]',
    'typeof Object.getOwnPropertyDescriptor(Map.prototype, "size").get',
    'Map[Symbol.species] === Map',
    'const m = new Map(); for (let i = 0; i < 1000; i++) m.set("k" + i, i); let s = 0; for (const [k, v] of m) s += v; [m.size, s, m.get("k500")]',
  ],
  'Map errors': [
    'Map()',
    'new Map(5)',
    'new Map({})',
    'new Map(true)',
    'new Map(function f() {})',
    'new Map([1])',
    'new Map(["ab"])',
    'new Map([Symbol("q")])',
    'new Map([null])',
    'new Map([undefined])',
    'new Map("abc")',
    'new Map({ [Symbol.iterator]: 1 })',
    'new Map({ [Symbol.iterator]() { return 1; } })',
    'Map.prototype.get.call("x")',
    'Map.prototype.get.call({})',
    'Map.prototype.get.call(new Set())',
    'Map.prototype.get.call([])',
    'Map.prototype.set.call(1, 1, 1)',
    'Map.prototype.has.call(undefined)',
    'Object.getOwnPropertyDescriptor(Map.prototype, "size").get.call(1)',
    'Object.getOwnPropertyDescriptor(Map.prototype, "size").get.call(new Set())',
    'const p = Object.create(Map.prototype); p.has(1)',
    'new Map().forEach(1)',
    'new Map().forEach()',
    'new Map().forEach({})',
    'new Map().forEach("abc")',
    'new Map().forEach(null)',
    'new Map().forEach(Symbol("q"))',
    'Map.prototype.keys.call(new Set())',
    'Map.prototype.entries.call({})',
  ],
  'Map iteration': [
    'const m = new Map([["a", 1], ["b", 2]]); [[...m.keys()], [...m.values()], [...m.entries()]]',
    'const it = new Map([["k1", "v1"], ["k2", "v2"]])[Symbol.iterator](); [it.next(), it.next(), it.next(), it.next()]',
    'const it = new Map().keys(); [Object.prototype.toString.call(it), it[Symbol.iterator]() === it, typeof it.next]',
    'Object.getPrototypeOf(new Map().keys()) === Object.getPrototypeOf(new Map().entries())',
    'Object.getPrototypeOf(new Map().keys()) === Object.getPrototypeOf(new Set().keys())',
    'const m = new Map([[1, 1], [2, 2], [3, 3]]); const seen = []; for (const [k] of m) { seen.push(k); if (k === 1) m.delete(2); } seen',
    'const m = new Map([[1, 1], [2, 2], [3, 3]]); const seen = []; for (const [k] of m) { seen.push(k); if (k < 5) m.set(k + 10, 0); } seen',
    'const m = new Map([[1, 1], [2, 2]]); const seen = []; for (const [k] of m) { seen.push(k); if (k === 1) { m.delete(1); m.set(1, "again"); } if (seen.length > 5) break; } seen',
    'const m = new Map([[1, 1], [2, 2], [3, 3]]); const it = m.keys(); it.next(); m.clear(); m.set(9, 9); [it.next(), it.next()]',
    'const m = new Map([[1, 1], [2, 2], [3, 3]]); const it = m.keys(); it.next(); m.clear(); [it.next(), (m.set(9, 9), it.next())]',
    'const m = new Map([[1, 1], [2, 2], [3, 3], [4, 4]]); const it = m.keys(); it.next(); m.delete(2); m.delete(1); m.set(5, 5); [...it]',
    'const m = new Map([[1, 1]]); const it = m.entries(); m.delete(1); m.set(1, "b"); [...it]',
    'const m = new Map([[1, 1]]); const it = m.keys(); [...it]; m.set(2, 2); [it.next().done, [...m.keys()]]',
    'const m = new Map(); const it = m.values(); m.set("late", 7); [...it]',
    'const m = new Map(); for (let i = 0; i < 100; i++) m.set(i, i); const it = m.keys(); for (let i = 0; i < 10; i++) it.next(); for (let i = 0; i < 95; i++) m.delete(i); m.set("new", 1); [...it]',
    'const m = new Map(); for (let i = 0; i < 100; i++) m.set(i, i); const it = m.keys(); for (let i = 0; i < 50; i++) it.next(); for (let i = 0; i < 100; i += 2) m.delete(i); for (let i = 0; i < 100; i += 3) m.delete(i); m.set("x", 0); [...it]',
    'const m = new Map(); const its = []; for (let i = 0; i < 300; i++) { m.set(i, i); if (i % 50 === 0) { const it = m.keys(); it.next(); its.push(it); } if (i >= 20) m.delete(i - 20); } its.map((it) => it.next().value)',
    'const m = new Map([["a", 1], ["b", 2], ["c", 3]]); const out = []; m.forEach(function (v, k, map) { out.push([k, v, map === m, this.tag]); }, { tag: "ctx" }); out',
    'const m = new Map([[1, "a"], [2, "b"]]); const out = []; m.forEach((v, k) => { out.push(k); if (k === 1) { m.delete(2); m.set(3, "c"); } }); out',
    'const m = new Map([[1, "a"], [2, "b"]]); const out = []; m.forEach((v, k) => { out.push([k, v]); if (k === 1) m.set(2, "changed"); }); out',
    'const m = new Map([[1, 1]]); let r; try { m.forEach(() => { throw new Error("cb"); }); } catch (e) { r = e.message; } r',
    'const m = new Map([[1, "a"]]); [...m].map(([k, v]) => k + v)',
    'const m = new Map([["x", 1]]); const [[k, v]] = m; [k, v]',
    'Array.from(new Map([[1, 2]]).values())',
    'const m = new Map([[1, 1], [2, 2]]); const it = m[Symbol.iterator](); const first = it.next().value; [first, [...it]]',
  ],
  'Set basics': [
    'const s = new Set([3, 1, 3, 2, 1]); [s.size, [...s], s.has(3), s.has("3")]',
    'const s = new Set(); [s.add(1) === s, s.add(1).size, s.delete(1), s.delete(1), s.size]',
    'new Set("hello").size',
    '[...new Set("a😀b😀")]',
    'new Set([NaN, NaN, 0, -0]).size',
    'Object.is([...new Set([-0])][0], -0)',
    '[...new Set(["a"]).entries()]',
    '[...new Set([1, 2]).keys()]',
    'const s = new Set([{}, {}]); s.size',
    'const o = {}; new Set([o, o]).size',
    'new Set(new Set([1, 2, 3])).size',
    '[...new Set(new Map([[1, 2], [3, 4]]))]',
    'function* g() { yield 1; yield 1; yield 2; } [...new Set(g())]',
    'new Set([1, , 3]).has(undefined)',
    'new Set(null).size',
    '[Set.length, Set.name, Set.prototype.add.length, Set.prototype.forEach.length]',
    'Object.getOwnPropertyNames(Set.prototype).sort()',
    '[Set.prototype.keys === Set.prototype.values, Set.prototype[Symbol.iterator] === Set.prototype.values, Set.prototype[Symbol.toStringTag], Object.prototype.toString.call(new Set())]',
    'const s = new Set([1, 2, 3]); s.clear(); [s.size, [...s]]',
    'const out = []; new Set(["x", "y"]).forEach(function (v, k, set) { out.push([v, k, set.size, this.t]); }, { t: 1 }); out',
    'const s = new Set([1, 2, 3]); const out = []; for (const x of s) { out.push(x); if (x < 10) { s.delete(x); s.add(x + 3); } if (out.length > 12) break; } out',
    'const s = new Set([1, 2, 3]); const it = s.values(); it.next(); s.delete(2); [...it]',
    'const a = new Set([1, 2, 3, 4]); const b = new Set([3, 4, 5]); [[...a].filter((x) => b.has(x)), [...new Set([...a, ...b])], [...a].filter((x) => !b.has(x))]',
    'Object.prototype.toString.call(new Set().values())',
    'Math.max(...new Set([3, 9, 2]))',
    'Array.from(new Set([1, 2, 3]), (x) => x * 2)',
    'const [a, , c] = new Set(["x", "y", "z"]); [a, c]',
    'const s = new Set(); s.add(s); [s.has(s), s.size]',
    'const s = new Set([1]); const it = s.entries(); [it.next().value, it.next().done]',
    'const s = new Set(["b", "a"]); [...s].sort()',
    'const s = new Set([1, 2]); Object.keys(s).length',
    'const s = new Set([1]); s.extra = 5; [s.extra, s.size, Object.keys(s)]',
  ],
  'Set errors': [
    'Set()',
    'new Set(5)',
    'new Set(true)',
    'new Set({})',
    'new Set({ [Symbol.iterator]() { return 1; } })',
    'Set.prototype.add.call(new Map(), 1)',
    'Set.prototype.has.call([], 1)',
    'Object.getOwnPropertyDescriptor(Set.prototype, "size").get.call(new Map())',
    'new Set().forEach(5)',
    'Set.prototype.values.call(new Map())',
  ],
  subclasses: [
    'class M2 extends Map { set(k, v) { return super.set(k, v * 2); } } [...new M2([[1, 2]])]',
    'class S2 extends Set { add(v) { return super.add(v + 1); } } [...new S2([1, 2])]',
    'class C extends Map { constructor(e) { super(e); this.tag = "c"; } } const c = new C([[1, 2]]); [c.tag, c.get(1), c instanceof Map, c instanceof C, Object.prototype.toString.call(c)]',
    'class C extends Set { get first() { return this.values().next().value; } } new C(["a", "b"]).first',
    'class Bad extends Map { get set() { return undefined; } } new Bad([[1, 2]])',
    'class Bad extends Set { get add() { return 5; } } new Bad([1])',
    'class Odd extends Map { set(k, v) { this.calls = (this.calls || 0) + 1; return super.set(k, v); } } const o = new Odd([[1, 1], [2, 2]]); o.calls',
    'class Lazy extends Map { set(k, v) { return super.set(k, v); } } new Lazy(null).size',
  ],
  'keys and values of every kind': [
    'const m = new Map(); const keys = [0, "0", 0n, false, null, undefined, NaN, "", [], {}, Symbol.iterator]; for (const k of keys) m.set(k, typeof k); [m.size, ...keys.map((k) => m.get(k))]',
    'const s = new Set(); s.add(1).add(1.0).add("1").add(1n); s.size',
    'const m = new Map([[1n, "big one"], [1, "number one"]]); [m.get(1n), m.get(1), m.size]',
    'const m = new Map(); m.set(2 ** 53, "a"); m.set(2 ** 53 + 1, "b"); m.size',
  ],
  churn: [
    'const m = new Map(); for (let i = 0; i < 5000; i++) { m.set(i, i); if (i >= 3) m.delete(i - 3); } [m.size, [...m.keys()]]',
    'const m = new Map([["config", 1]]); for (let i = 0; i < 5000; i++) { m.set(i, i); m.delete(i); } [m.size, [...m]]',
    'const s = new Set(); for (let i = 0; i < 3000; i++) { s.add(i); if (i % 3) s.delete(i - 1); } [s.size, [...s].slice(0, 5), [...s].slice(-3)]',
    'class LRU { constructor(n) { this.n = n; this.m = new Map(); } get(k) { if (!this.m.has(k)) return undefined; const v = this.m.get(k); this.m.delete(k); this.m.set(k, v); return v; } put(k, v) { this.m.delete(k); this.m.set(k, v); if (this.m.size > this.n) this.m.delete(this.m.keys().next().value); } } const c = new LRU(3); for (let i = 0; i < 2000; i++) { c.put(i % 7, i); c.get((i * 3) % 7); } [...c.m]',
  ],
};

v8Table('Map/Set differential table vs V8', CASES, 140);

describe('Map.groupBy (newer than the oracle)', () => {
  const run = (src: string) => runSync(src).value;
  it('groups by the callback key, in insertion order', () => {
    expect(run('const g = Map.groupBy([1, 2, 3, 4, 5], (x, i) => (x % 2 ? "odd" : "even")); [...g]')).toEqual([
      ['odd', [1, 3, 5]],
      ['even', [2, 4]],
    ]);
    expect(run('const g = Map.groupBy("abca", (c, i) => c); [g.get("a"), g.size]')).toEqual([['a', 'a'], 3]);
    expect(run('const k = {}; const g = Map.groupBy([1, 2], () => k); g.get(k)')).toEqual([1, 2]);
    expect(run('const g = Map.groupBy([1], () => -0); Object.is([...g.keys()][0], 0)')).toBe(true);
    expect(run('const idx = []; Map.groupBy(["a", "b"], (v, i) => idx.push(i)); idx')).toEqual([0, 1]);
  });
  it('throws like the spec', () => {
    expect(() => run('Map.groupBy(5, (x) => x)')).toThrow('number 5 is not iterable');
    expect(() => run('Map.groupBy([1], 5)')).toThrow('number 5 is not a function');
  });
});

describe('table compaction', () => {
  it('keeps a churned table small and live iterators in place', () => {
    const { vm } = createVM({ seed: 1 });
    const m = new JSCollection(vm.realm.MapPrototype, Cls.Map, vm.realm.rootShape(vm.realm.MapPrototype));
    collectionSet(vm, m, 'keep', 1);
    for (let i = 0; i < 5000; i++) collectionSet(vm, m, i, i);
    const it = new JSIterator(vm.realm.MapIteratorPrototype, m, IterKind.Keys);
    const step = () => vm.realm.builtinIterStep(it);
    expect(step()).toBe('keep');
    expect(step()).toBe(0);
    for (let i = 0; i < 5000; i += 2) collectionDelete(m, i);
    for (let i = 1; i < 4000; i += 2) collectionDelete(m, i);
    expect(m.keys.length).toBeLessThan(2 * m.size + 64);
    expect(step()).toBe(4001);
    for (let i = 0; i < 100000; i++) {
      collectionSet(vm, m, 'x' + i, i);
      collectionDelete(m, 'x' + i);
    }
    expect(m.size).toBe(501);
    expect(m.keys.length).toBeLessThan(2 * m.size + 64);
    expect(step()).toBe(4003);
    collectionClear(m);
    collectionSet(vm, m, 'after', 1);
    expect(step()).toBe('after');
    expect(step()).toBe(HOLE);
  });
});
