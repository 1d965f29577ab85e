/**
 * JSON built-in: a differential table against V8 (results, error names and messages), plus
 * budget and deep-nesting checks that only core can run.
 */
import { describe, expect, it } from 'vitest';
import { compare, describeOutcome, runInCore, runInV8 } from '../../differential/harness';
import { v8Table } from './v8-table';
import { runSync } from '../../../core/index';
import fc from 'fast-check';

const JSON_CASES: Record<string, string[]> = {
  'parse: values': [
    'JSON.parse(\'{"a": 1, "b": [true, false, null], "c": {"d": "e"}}\')',
    'JSON.parse(" \\t\\r\\n 5 \\t ")',
    'JSON.parse("[1, -2.5e3, 0.1, 1E2, -0, 1e400, 1.5e-400, 123456789012345678901234567890]").map((x) => [x, Object.is(x, -0)])',
    'JSON.parse("9007199254740993")',
    'JSON.parse("0.30000000000000004")',
    'JSON.parse("-123456789")',
    'JSON.parse("1234567890123456")',
    'JSON.parse(\'"\\\\u0041\\\\u00e9\\\\ud83d\\\\ude00 \\\\n\\\\t\\\\"\\\\\\\\\\\\/\\\\b\\\\f\\\\r"\')',
    'JSON.parse(\'"\\\\ud800"\').length',
    'JSON.parse(\'"\\\\uDEAD\\\\uabcd"\').charCodeAt(1)',
    'JSON.parse(\'"héllo 😀"\')',
    'JSON.parse(\'{"a": 1, "a": 2, "b": 3, "a": 4}\')',
    'Object.keys(JSON.parse(\'{"b": 1, "a": 2, "b": 3}\'))',
    'Object.keys(JSON.parse(\'{"z": 1, "10": 2, "2": 3, "a": 4}\'))',
    'const o = JSON.parse(\'{"__proto__": {"x": 1}}\'); [Object.keys(o), o.x, Object.getPrototypeOf(o) === Object.prototype]',
    'JSON.parse("[]")',
    'JSON.parse("{}")',
    'JSON.parse("[[[]]]")',
    'JSON.parse(" [ 1 , { } , [ ] ] ")',
    'JSON.parse("true")',
    'JSON.parse("null")',
    'JSON.parse(123)',
    'JSON.parse(null)',
    'JSON.parse(true)',
    'JSON.parse(new String(\'"x"\'))',
    'JSON.parse({ toString() { return "[1, 2]"; } })',
    'JSON.parse([1])',
    'JSON.parse(\'{"k": "v"}\', null)',
    'JSON.parse(\'[1]\', 5)',
    'JSON.parse.length',
    'JSON.parse.name',
    'const big = "[" + "1,".repeat(999) + "1]"; JSON.parse(big).length',
    'const s = "x".repeat(10000); JSON.parse(JSON.stringify(s)) === s',
    'JSON.parse(\'{"a":{"b":{"c":[1,{"d":[2,[3]]}]}}}\').a.b.c[1].d[1][0]',
    'JSON.parse("\\"\\u2028\\u2029\\"").length',
  ],
  'parse: errors': [
    'JSON.parse("")',
    'JSON.parse("{")',
    'JSON.parse("[1,]")',
    'JSON.parse("abc")',
    'JSON.parse(\'{"a":1 x\')',
    'JSON.parse(\'"abc\')',
    'JSON.parse(\'"\\\\x"\')',
    'JSON.parse("1 2")',
    'JSON.parse(\'{"a":1,}\')',
    'JSON.parse(\'"a\\nb"\')',
    'JSON.parse("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, x]")',
    'JSON.parse(undefined)',
    'JSON.parse()',
    'JSON.parse("-")',
    'JSON.parse("01")',
    'JSON.parse("-01")',
    'JSON.parse("1.")',
    'JSON.parse("1e")',
    'JSON.parse("1e+")',
    'JSON.parse("-x")',
    'JSON.parse("0x10")',
    'JSON.parse(\'{"a" 1}\')',
    'JSON.parse("{1:1}")',
    'JSON.parse("[")',
    'JSON.parse("tru")',
    'JSON.parse("trux")',
    'JSON.parse("nul")',
    'JSON.parse("nulx")',
    'JSON.parse("t")',
    'JSON.parse("fals")',
    'JSON.parse("falsey")',
    'JSON.parse(\'tr"\')',
    'JSON.parse("tr1")',
    'JSON.parse(\'{"a":1}\\n\\n  x\')',
    'JSON.parse(\'"\\\\u12x4"\')',
    'JSON.parse(\'"\\\\u12"\')',
    'JSON.parse(\'"\\\\u12\')',
    'JSON.parse(\'"\\\\\')',
    'JSON.parse("[1 2]")',
    'JSON.parse(\'{"a":1 "b":2}\')',
    'JSON.parse(\'{"a":1}2\')',
    'JSON.parse(" ")',
    'JSON.parse("\\u00a0 1")',
    'JSON.parse(\'"\\\\€"\')',
    'JSON.parse("[1,\\n2,\\nx]")',
    'JSON.parse("NaN")',
    'JSON.parse("Infinity")',
    'JSON.parse("-Infinity")',
    'JSON.parse("{}x")',
    'JSON.parse({})',
    'JSON.parse("[object Object]")',
    'JSON.parse("12345678901234567890123x")',
    'JSON.parse("x12345678901234567890123")',
    'JSON.parse("1234567890x1234567890123")',
    'JSON.parse("123456789012x34567890123")',
    'JSON.parse(\'"abc\\u0001"\')',
    'JSON.parse("[-]")',
    'JSON.parse("[.5]")',
    'JSON.parse("[+1]")',
    'JSON.parse(\'{"a":}\')',
    'JSON.parse("{,}")',
    'JSON.parse(\'{"a":1,"b"}\')',
    'JSON.parse(\'{"a":[}\')',
    'JSON.parse("\\u2028")',
    'JSON.parse(\'{"a"\')',
    'JSON.parse(\'{"a":\')',
    'JSON.parse(\'{"a":1\')',
    'JSON.parse(\'{"a":1,\')',
    'JSON.parse("[1")',
    'JSON.parse("[1,")',
    "JSON.parse(\"{'a': 1}\")",
    'JSON.parse("[1,,2]")',
    'JSON.parse("/* c */ 1")',
    'JSON.parse("\\"\\t\\"")',
    'JSON.parse(Symbol())',
    'JSON.parse(1n)',
    'try { JSON.parse("{bad"); } catch (e) { [e instanceof SyntaxError, e.name, e.constructor === SyntaxError] }',
  ],
  'parse: reviver': [
    'JSON.parse(\'{"a": 1, "b": [1, 2]}\', (k, v) => (typeof v === "number" ? v * 10 : v))',
    'const seen = []; JSON.parse(\'{"a": {"b": 1}, "c": [2, 3]}\', function (k, v) { seen.push([k, typeof this, Array.isArray(this)]); return v; }); seen',
    'JSON.parse(\'{"keep": 1, "drop": 2}\', (k, v) => (k === "drop" ? undefined : v))',
    'JSON.parse("[1, 2, 3]", (k, v) => (k === "1" ? undefined : v))',
    'const r = JSON.parse("[1, 2, 3]", (k, v) => (k === "1" ? undefined : v)); [r.length, 1 in r]',
    'JSON.parse(\'{"a": 1}\', function (k, v) { if (k === "a") this.added = 5; return v; })',
    'JSON.parse(\'{"a": 1, "b": 2}\', function (k, v) { if (k === "a") delete this.b; return v; })',
    'JSON.parse("5", (k, v) => [k, v])',
    'JSON.parse(\'{"x": 1}\', () => undefined)',
    'const args = []; JSON.parse("1", function (...a) { args.push(a.length); }); args',
    'JSON.parse(\'{"d": "2024-02-29T12:00:00.000Z"}\', (k, v) => (k === "d" ? new Date(v).getTime() : v))',
    'JSON.parse(\'[{"a": [1, {"b": 2}]}]\', (k, v) => (Array.isArray(v) ? v.length : v))',
    'JSON.parse(\'{"a": 1}\', (k, v) => { if (k === "a") throw new RangeError("boom"); return v; })',
    'JSON.parse(\'{"1": 1, "a": 2, "0": 3}\', function (k, v) { return k === "" ? Object.keys(v) : v; })',
    'const o = JSON.parse(\'{"a": {"b": 1}}\', function (k, v) { if (k === "b") Object.freeze(this); return k === "b" ? 2 : v; }); o.a.b',
  ],
  'stringify: values': [
    'JSON.stringify({ a: 1, b: "two", c: [true, null], d: { e: 1.5 } })',
    '[JSON.stringify(undefined), JSON.stringify(function () {}), JSON.stringify(Symbol("s")), JSON.stringify(() => 1)]',
    '[JSON.stringify(null), JSON.stringify(true), JSON.stringify(42), JSON.stringify("s"), JSON.stringify(-0), JSON.stringify(NaN), JSON.stringify(-Infinity)]',
    'JSON.stringify([undefined, function () {}, Symbol(), null, NaN, -0, 1e21, 1e-7])',
    'JSON.stringify({ u: undefined, f() {}, s: Symbol(), [Symbol("k")]: 1, n: null })',
    'JSON.stringify([1, , 3])',
    'JSON.stringify(new Array(3))',
    'JSON.stringify({ 2: "two", 10: "ten", z: 1, a: 2, 1: "one" })',
    'JSON.stringify("quote \\" backslash \\\\ slash / \\b\\f\\n\\r\\t \\u0000\\u001f \\u007f \\u2028\\u2029")',
    'JSON.stringify("\\ud800 \\udc00 \\ud83d\\ude00 \\udead\\ud800")',
    'JSON.stringify({ "key\\"with": "q", "new\\nline": 1, "😀": 2 })',
    'JSON.stringify([new Number(3), new String("s"), new Boolean(false), Object(Symbol("x"))])',
    'JSON.stringify({ n: new Number(-0), s: new String("") })',
    'const n = new Number(1); n.valueOf = () => 42; JSON.stringify([n])',
    'const s = new String("a"); s.toString = () => "custom"; JSON.stringify({ s })',
    'const n = new Number(1); n.toString = () => "ignored"; JSON.stringify(n)',
    'JSON.stringify(Object(1n))',
    'JSON.stringify({ a: 1n })',
    'JSON.stringify(1n)',
    'JSON.stringify([0n])',
    'JSON.stringify({ toJSON() { return 1n; } })',
    'JSON.stringify(1n, (k, v) => (typeof v === "bigint" ? v.toString() + "n" : v))',
    'JSON.stringify(new Map([[1, 2]]))',
    'JSON.stringify(new Set([1]))',
    'JSON.stringify(/re/g)',
    'JSON.stringify(new Error("m"))',
    'const e = new Error("m"); e.code = 5; JSON.stringify(e)',
    'JSON.stringify(Math)',
    'JSON.stringify(JSON)',
    'JSON.stringify([[], {}, [[]], [{}], { a: [] }])',
    'JSON.stringify(Object.create({ inherited: 1 }))',
    'const o = Object.create(null); o.x = 1; JSON.stringify(o)',
    'const o = {}; Object.defineProperty(o, "hidden", { value: 1, enumerable: false }); o.shown = 2; JSON.stringify(o)',
    'class P { constructor() { this.x = 1; } get y() { return 2; } } JSON.stringify(new P())',
    'JSON.stringify({ a: 1, get b() { return this.a + 1; }, c: 3 })',
    'JSON.stringify({ get g() { return undefined; }, h: 1 })',
    'let n = 0; const o = { get a() { n++; return n; }, get b() { n++; return n; } }; [JSON.stringify(o), n]',
    'JSON.stringify({ get a() { throw new TypeError("getter failed"); } })',
    'const arr = [1, 2]; arr.extra = 3; JSON.stringify(arr)',
    'JSON.stringify([new Date(0), new Date(NaN), new Date(8.64e15)])',
    'JSON.stringify({ d: new Date(Date.UTC(2024, 1, 29, 12)) })',
    'JSON.stringify("x".repeat(70) + "\\n")',
    'JSON.stringify({ ["a".repeat(70)]: 1 })',
    'JSON.stringify.length',
    'JSON.stringify.name',
    '[typeof JSON, Object.prototype.toString.call(JSON), JSON[Symbol.toStringTag], String(JSON)]',
    'Object.getOwnPropertyNames(JSON)',
    'JSON.stringify({ a: [{ b: { c: [1, "2", { d: null }] } }] })',
  ],
  'stringify: toJSON': [
    'JSON.stringify({ toJSON(k) { return "key=" + k; } })',
    'JSON.stringify({ a: { toJSON(k) { return "key=" + k; } }, b: [{ toJSON(k) { return "idx=" + k; } }] })',
    'JSON.stringify({ toJSON() { return undefined; } })',
    'JSON.stringify([{ toJSON() { return undefined; } }])',
    'JSON.stringify({ x: { toJSON() { return { y: 1 }; } } })',
    'JSON.stringify({ toJSON: 5, a: 1 })',
    'JSON.stringify({ toJSON: null })',
    'class Money { constructor(a) { this.a = a; } toJSON() { return this.a + " EUR"; } } JSON.stringify([new Money(5), { m: new Money(7) }])',
    'const d = new Date(0); d.toJSON = () => "custom"; JSON.stringify(d)',
    'const d = new Date(0); d.toISOString = () => "iso!"; JSON.stringify(d)',
    'class D extends Date { toISOString() { return "sub"; } } JSON.stringify(new D(0))',
    'const d = new Date(0); d.valueOf = () => NaN; JSON.stringify(d)',
    'Date.prototype.toJSON.call({ toISOString() { return "fake"; } })',
    'Date.prototype.toJSON.call({ valueOf() { return Infinity; }, toISOString() { return "x"; } })',
    'Date.prototype.toJSON.call({})',
    'Date.prototype.toJSON.call(new Date(NaN))',
    'JSON.stringify({ toJSON() { return this; }, a: 1 })',
    'const o = { a: 1 }; Object.defineProperty(o, "toJSON", { get() { return () => "from getter"; } }); JSON.stringify(o)',
    'JSON.stringify(Object.assign(Object.create({ toJSON() { return "proto"; } }), { a: 1 }))',
    'JSON.stringify({ toJSON() { throw new Error("toJSON threw"); } })',
  ],
  'stringify: replacer': [
    'JSON.stringify({ a: 1, b: 2, c: { a: 3, d: 4 } }, ["a", "c"])',
    'JSON.stringify({ 1: "one", b: 2 }, [1, "b", 1, "b"])',
    'JSON.stringify({ a: 1, b: 2 }, ["b", "a"])',
    'JSON.stringify({ a: 1 }, [new String("a"), new Number(1), {}, true, null])',
    'JSON.stringify([{ a: 1, b: 2 }], ["a"])',
    'JSON.stringify({ a: 1 }, [])',
    'JSON.stringify({ a: 1 }, { 0: "a", length: 1 })',
    'JSON.stringify({ a: 1, b: 2 }, (k, v) => (k === "a" ? undefined : v))',
    'JSON.stringify({ a: 1, b: [1, 2] }, (k, v) => (typeof v === "number" ? v * 2 : v))',
    'const calls = []; JSON.stringify({ a: 1, b: [2] }, function (k, v) { calls.push([k, typeof v, Array.isArray(this) ? "array" : typeof this]); return v; }); calls',
    'JSON.stringify(5, (k, v) => ({ wrapped: v }))',
    'JSON.stringify({ a: 1 }, (k, v) => (k === "" ? [1, 2] : v))',
    'JSON.stringify({ d: new Date(0) }, (k, v) => (k === "d" ? typeof v : v))',
    'JSON.stringify({ a: 1 }, function (k, v) { return k === "" ? Object.keys(this) : v; })',
    'JSON.stringify([1, 2], (k, v) => (k === "0" ? undefined : v))',
    'JSON.stringify({ a: { b: 1 } }, (k, v) => (k === "b" ? Symbol() : v))',
    'JSON.stringify({ a: 1 }, (k, v) => { if (k === "a") throw new Error("replacer threw"); return v; })',
    'const a = ["a"]; a.push({ toString() { return "b"; } }); JSON.stringify({ a: 1, b: 2 }, a)',
    'const k = new String("b"); k.toString = () => "a"; JSON.stringify({ a: 1, b: 2 }, [k])',
  ],
  'stringify: indent': [
    'JSON.stringify({ name: "x", list: [1, { deep: [] }], empty: {}, emptyArr: [] }, null, 2)',
    'JSON.stringify({ a: [1, { b: 2 }], c: "x" }, null, "\\t")',
    'JSON.stringify([1, 2], null, 20)',
    'JSON.stringify({ a: 1 }, null, "--->")',
    'JSON.stringify({ a: 1 }, null, "longer than ten chars")',
    'JSON.stringify({ a: [1] }, null, 0)',
    'JSON.stringify({ a: [1] }, null, -5)',
    'JSON.stringify({ a: [1] }, null, "")',
    'JSON.stringify({ a: 1 }, null, new Number(3))',
    'JSON.stringify({ a: 1 }, null, new String("ab"))',
    'JSON.stringify({ a: 1 }, null, 3.9)',
    'JSON.stringify({ a: 1 }, null, true)',
    'JSON.stringify({ a: 1 }, null, {})',
    'const sp = new Number(1); sp.valueOf = () => 4; JSON.stringify({ a: 1 }, null, sp)',
    'JSON.stringify({ a: {}, b: [] }, null, 1)',
    'JSON.stringify([[[]]], null, 2)',
    'JSON.stringify({ a: undefined, b: 1 }, null, 2)',
    'JSON.stringify([undefined], null, 2)',
    'JSON.stringify({ a: 1, b: 2 }, ["b"], 2)',
    'JSON.stringify({ a: { b: 1 } }, (k, v) => v, "  ")',
    'JSON.stringify("s", null, 4)',
  ],
  'stringify: cycles and depth': [
    'const a = {}; a.b = { c: a }; JSON.stringify(a)',
    'const a = [1]; a.push({ x: [a] }); JSON.stringify(a)',
    'class Foo { constructor() { this.self = this; } } JSON.stringify(new Foo())',
    'const o = Object.create(null); o.x = o; JSON.stringify(o)',
    'const o = {}; o.a = {}; o.a.b = {}; o.a.b.c = {}; o.a.b.c.d = {}; o.a.b.c.d.e = o.a; JSON.stringify(o)',
    'const o = {}; let c = o; for (let i = 0; i < 6; i++) { c.n = {}; c = c.n; } c.back = o; JSON.stringify({ root: o })',
    'const o = []; o.push(o); JSON.stringify(o)',
    'const o = {}; o["we\'ird"] = o; JSON.stringify(o)',
    'class A {} const o = Object.create(A.prototype); o.s = o; JSON.stringify(o)',
    'const m = new Map(); m.s = m; JSON.stringify(m)',
    'const o = { x: { y: 1 } }; o.x.toJSON = function () { return o; }; JSON.stringify(o)',
    'const o = {}; o.self = o; JSON.stringify(o, (k, v) => v)',
    'const o = [{}]; o[0].up = o; JSON.stringify(o, null, 2)',
    'const shared = { v: 1 }; JSON.stringify({ x: shared, y: shared, z: [shared, shared] })',
    'const o = {}; o.self = o; try { JSON.stringify(o); } catch (e) { [e.name, e instanceof TypeError] }',
    'let a = []; for (let i = 0; i < 3000; i++) a = [a]; JSON.stringify(a).length',
    'let a = {}; for (let i = 0; i < 3000; i++) a = { a }; JSON.stringify(a).length',
    'let a = []; for (let i = 0; i < 6000; i++) a = [a]; JSON.stringify(a)',
    'let a = {}; for (let i = 0; i < 6000; i++) a = { a }; JSON.stringify(a, null, 1)',
    'JSON.parse("[".repeat(20000) + "]".repeat(20000)).length',
    'let d = 0; let v = JSON.parse("[".repeat(20000) + "1" + "]".repeat(20000)); while (Array.isArray(v)) { v = v[0]; d++; } [d, v]',
    'let d = 0; let v = JSON.parse(\'{"a":\'.repeat(5000) + "1" + "}".repeat(5000)); while (typeof v === "object") { v = v.a; d++; } [d, v]',
  ],
  // the stringifier writes UTF-8 bytes and decodes them once (core/builtins/json-text.ts)
  'stringify: the text it writes': [
    'JSON.stringify([0, -0, 7, -7, 10, 99, 100, 2147483647, -2147483648, 2147483648, -2147483649, 4294967295, 1e21, 1.5, -1.5e-7, NaN, Infinity, -Infinity])',
    'JSON.stringify(["é", "日本", "😀", "a😀b", "\\ud800", "x\\udc00y", "\\ud83d\\ud83d", "é\\n", "\\u007f\\u0080", "\\u07ff\\u0800\\uffff", "", "\\u0000"])',
    'const t = JSON.stringify(["\\ud800", "é\\ud800", "😀\\udc00"]); [t, t.length, [...t].length]',
    'JSON.stringify([{ "é": 1, "日本": "😀", "a\\"b": 2, "\\ud800": 0 }, { "é": 3, "日本": "x", "a\\"b": 4, "\\ud800": 5 }])',
    'JSON.stringify({ a: [1, { b: "é" }], c: [] }, null, "é→")',
    'JSON.stringify({ a: [1, { b: 2 }] }, null, "\\ud800")',
    'JSON.stringify({ a: [1, { b: 2 }] }, null, "😀")',
    'JSON.stringify({ "é": [1, "ü"] }, ["é"], 1)',
    'const s = JSON.stringify(Array.from({ length: 80000 }, (_, i) => ({ i, s: i % 7 ? "n" + i : "é" + i }))); [s.length, s.slice(0, 40), s.slice(-40), JSON.parse(s)[79996].s]',
    'const s = JSON.stringify("é😀".repeat(30000)); [s.length, s.charCodeAt(1), s.slice(-4)]',
    'const c = { a: "é".repeat(9000) }; c.self = c; const r = []; try { JSON.stringify(c); } catch (e) { r.push(e.name); } r.push(JSON.stringify({ b: "y" })); r',
    'const r = []; try { JSON.stringify(["é".repeat(5000), 1, 2n]); } catch (e) { r.push(e.message); } r.push(JSON.stringify([1, "ü"])); r',
  ],
  'round trips': [
    'const v = { s: "héllo \\"w\\"\\n", n: 1.5e-10, neg: -42, b: false, nil: null, arr: [1, "two", [3, [4]], {}], o: { deep: { deeper: "yes" } }, u: "😀\\u2028" }; const t = JSON.stringify(v); [t, JSON.stringify(JSON.parse(t)) === t]',
    'const rows = []; for (let i = 0; i < 200; i++) rows.push({ id: i, name: "n" + i, tags: ["a", i % 2 ? "odd" : "even"], pos: { x: i * 0.5 } }); const t = JSON.stringify(rows); const back = JSON.parse(t); [t.length, back[199].pos.x, JSON.stringify(back) === t]',
    'JSON.parse(JSON.stringify({ date: new Date(0), map: new Map([[1, 2]]), nan: NaN, inf: -Infinity, re: /x/, nested: [undefined, () => 1] }))',
    'JSON.parse(JSON.stringify({ a: 1, b: [1, 2] }, null, 4))',
  ],
};

v8Table('JSON differential table vs V8', JSON_CASES, 250);

describe('JSON budgets', () => {
  it('stops a shared-reference stringify bomb with a LimitError before building the text', () => {
    const src = 'let a = ["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]; for (let i = 0; i < 40; i++) a = [a, a]; JSON.stringify(a).length';
    expect(() => runSync(src, { limits: { heapBytes: 16 * 1024 * 1024 } })).toThrow(/heapBytes|string of/);
  });
  it('charges the heap for parsed values', () => {
    const src = 'const t = "[" + "[1,2,3],".repeat(200000) + "[]]"; JSON.parse(t).length';
    expect(() => runSync(src, { limits: { heapBytes: 8 * 1024 * 1024 } })).toThrow(/heapBytes/);
    expect(runSync(src, { limits: { heapBytes: 256 * 1024 * 1024 } }).value).toBe(200001);
  });
  it('parses a 300k-deep array without touching the host stack', () => {
    const src = 'let v = JSON.parse("[".repeat(3e5) + "]".repeat(3e5)); let d = 0; while (v.length) { v = v[0]; d++; } d';
    expect(runSync(src, { limits: { heapBytes: 512 * 1024 * 1024 } }).value).toBe(299999);
  }, 60_000);
  it('charges stringify by the characters of its text, whatever their UTF-8 length', () => {
    // the text is built as UTF-8 bytes (json-text.ts); the charge must follow the string's length
    const count = (s: string) => runSync(`const t = JSON.stringify({ k: ${s} }); t.length`).instructions;
    const ascii = count('"a".repeat(20000)');
    expect(count('"é".repeat(20000)')).toBe(ascii);
    expect(count('"日".repeat(20000)')).toBe(ascii);
    expect(count('"😀".repeat(10000)')).toBe(ascii);
    expect(count('"a".repeat(40000)')).toBeGreaterThan(ascii);
  });
  it('console %j uses JSON.stringify and prints [Circular] for cycles', () => {
    const lines: string[] = [];
    runSync('const o = { a: [1, "x"], d: new Date(0) }; console.log("%j", o); o.self = o; console.log("%j!", o); console.log("%j", undefined)', {
      onConsole: (_l, t) => lines.push(t),
    });
    expect(lines).toEqual(['{"a":[1,"x"],"d":"1970-01-01T00:00:00.000Z"}', '[Circular]!', 'undefined']);
  });
});

describe('JSON property test vs V8', () => {
  // Random values as source text: the fast path, the prelude path (replacers, toJSON,
  // getters, boxed primitives) and parse must all agree with V8.
  const leaf = fc.oneof(
    fc.constantFrom('0', '-0', '1.5', '-42', '1e21', '1e-7', 'NaN', 'Infinity', '2 ** 53', 'true', 'false', 'null', 'undefined'),
    fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
    fc.constantFrom('"\\ud800"', '"\\u2028"', '"\\u0000\\t"', '"😀"', '"\\"\\\\"'),
    fc.constantFrom('new Date(0)', 'new Date(NaN)', 'new Number(3)', 'new String("s")', 'new Boolean(false)', '() => 1', 'Symbol("s")', '{ toJSON(k) { return "k:" + k; } }', '{ get g() { return 7; }, h: 1 }', 'new Map([[1, 2]])', '/x/g'),
  );
  const key = fc.constantFrom('a', 'b', '0', '10', '1', 'x y', '', 'toJSON', 'é');
  const value: fc.Arbitrary<string> = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('arr'), tie('obj')),
    arr: fc.array(fc.oneof(tie('v'), fc.constant('')), { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`),
    obj: fc.array(fc.tuple(key, tie('v')), { maxLength: 4 }).map((kvs) => `{ ${kvs.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')} }`),
  })).v as fc.Arbitrary<string>;
  it('stringify (all argument forms) and parse agree with V8', async () => {
    await fc.assert(
      fc.asyncProperty(value, async (expr) => {
        const src = `const v = ${expr}; const t = JSON.stringify(v); [t, JSON.stringify(v, null, 2), JSON.stringify(v, ["a", "0", "b"], "--"), JSON.stringify(v, (k, x) => (typeof x === "number" ? x + 1 : x)), t === undefined ? null : JSON.parse(t)]`;
        const ours = await runInCore(src);
        const theirs = await runInV8(src);
        const c = compare(theirs, ours, { compareMessages: true });
        if (!c.equal) throw new Error(`${src}\nV8:   ${describeOutcome(theirs)}\ncore: ${describeOutcome(ours)}`);
      }),
      { numRuns: 250, seed: 20240229 },
    );
  }, 120_000);
});

describe('JSON.parse of mutated texts vs V8', () => {
  // Valid texts with 1-3 characters deleted, inserted or replaced: every result, error and
  // error message (positions included) must be V8's. The parser scans common tokens inline
  // and falls back to its full scanners; this walks the seams between the two.
  const seeds = [
    '{"a":1,"b":[1,2,{"c":null}],"d":"x\\n\\u0041y","e":true,"f":false,"g":-0.5e3}',
    '[{"id":1,"name":"a"},{"id":2,"name":"b"},{"id":3,"nome":"c","x":1}]',
    ' [ 1 , 2 ,\n 3 ] ',
    '{"k":{"k":{"k":[[],{}]}}}',
    '"abc\\"def"',
    '[123456789012345678, 1234567890123456, 123456789012345, 0, -0, 1e5, 10.25]',
    '[true,false,null]',
    '{"a":1,"a":2,"__proto__":3}',
    '{"x":"\\ud800","y":"é😀"}',
  ];
  const chars = ['"', '{', '}', '[', ']', ',', ':', ' ', '\n', '1', '0', '-', '.', 'e', 't', 'n', 'f', 'l', '\\', 'u', 'a', '\x01', 'é'];
  const edit = fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(...chars));
  const mutate = (s: string, edits: [number, number, string][]) => {
    for (const [at, op, ch] of edits) {
      const p = at % (s.length + 1);
      s = op === 0 ? s.slice(0, p) + s.slice(p + 1) : op === 1 ? s.slice(0, p) + ch + s.slice(p) : s.slice(0, p) + ch + s.slice(p + 1);
    }
    return s;
  };
  const host = (s: string) => {
    try {
      return JSON.stringify(JSON.parse(s));
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
  };
  it('gives V8\'s value or error message', () => {
    const src = 'let r; try { r = JSON.stringify(JSON.parse(s)); } catch (e) { r = e.name + ": " + e.message; } r';
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 3 }), (seed, edits) => {
        const s = mutate(seed, edits);
        expect(runSync(src, { inputs: { s } }).value, JSON.stringify(s)).toBe(host(s));
      }),
      { numRuns: 3000, seed: 20261127 },
    );
  }, 60_000);
});
