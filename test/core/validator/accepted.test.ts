/** The supported language: each program must parse and validate with no diagnostics. */
import { describe, expect, it } from 'vitest';
import { diagnose } from './helpers';

const programs: Array<[title: string, source: string]> = [
  ['declarations', 'var a = 1;\nlet b = 2;\nconst c = 3;\nlet d;\nvar e, f = 1;'],
  ['functions and closures', 'function counter() {\n  let n = 0;\n  return () => ++n;\n}\nconst next = counter();\nnext();'],
  ['default and rest parameters', 'function f(a, b = a * 2, ...rest) { return [a, b, rest]; }\nconst g = (x = 1, { y } = {}, [z] = []) => x + y + z;'],
  ['spread', 'const xs = [1, 2];\nconst ys = [...xs, ...new Set(xs)];\nMath.max(...ys);\nconst o = { ...{ a: 1 }, b: 2 };'],
  [
    'destructuring: nested, defaults, computed keys, rest',
    "const key = 'k';\nconst { a, b: { c = 1, [key]: d } = {}, ...rest } = { a: 1 };\nconst [x, , y = 2, [z] = [3], ...more] = [1];\nlet p, q;\n[p, q] = [q, p];\n({ p, q = 5 } = { p: 1 });",
  ],
  ['template literals', 'const name = "x";\nconst s = `a ${name} b ${1 + 2} c\\n${`nested ${name}`}`;'],
  ['tagged templates', 'function tag(strings, ...values) { return strings.raw.join("|") + values.join(","); }\ntag`a${1}b${2}c`;\nString.raw`\\n${1}`;'],
  ['optional chaining and nullish coalescing', 'const o = null;\no?.a?.b;\no?.[0];\no?.m?.();\nconst v = o ?? "default";\n(o?.a ?? 0) + 1;'],
  ['logical assignment', 'let a = null, b = 0, c = 1;\na ??= 1;\nb ||= 2;\nc &&= 3;\nconst o = {};\no.x ??= [];'],
  ['exponentiation', 'let x = 2 ** 10;\nx **= 2;\n(-2) ** 2;'],
  [
    'all the operators',
    'let a = 1, b = 2;\na + b - a * b / a % b;\na << 1 >> 1 >>> 0;\na & b | a ^ ~b;\na < b, a <= b, a > b, a >= b, a == b, a != b, a === b, a !== b;\n!a && b || a;\na++; a--; ++a; --a; +a; -a;\na += 1; a -= 1; a *= 2; a /= 2; a %= 3; a <<= 1; a >>= 1; a >>>= 1; a &= 1; a |= 1; a ^= 1;\na ? b : a;',
  ],
  [
    'typeof, instanceof, in, delete, void, comma',
    "const o = { k: 1 };\ntypeof o === 'object';\no instanceof Object;\n'k' in o;\ndelete o.k;\ndelete o['k'];\nvoid 0;\nlet z = (1, 2, 3);",
  ],
  [
    'statements: if, loops, labels, break/continue',
    'let n = 0;\nif (n) n++; else if (!n) n--; else {}\nwhile (n < 3) n++;\ndo { n--; } while (n > 0);\nfor (let i = 0; i < 3; i++) { if (i) continue; }\nouter: for (const a of [1]) { inner: for (const b of [2]) { if (b) continue outer; break inner; } }\nblock: { break block; }\nfor (;;) break;\n;',
  ],
  ['switch', "switch (1) {\n  case 0:\n  case 1: { let x = 1; break; }\n  default:\n    'd';\n}"],
  ['for-in and for-of', 'const o = { a: 1 };\nfor (const k in o) k;\nfor (let v of [1, 2]) v;\nlet k2;\nfor (k2 in o);\nfor ([k2] of [[1]]);\nfor (var i in o);'],
  [
    'try/catch/finally, optional catch binding, throw',
    "try { throw new Error('x', { cause: 1 }); } catch (e) { e.message; } finally {}\ntry {} catch {}\ntry { JSON.parse('{'); } catch ({ name, message }) { name + message; }",
  ],
  [
    'object literals',
    "const k = 'dyn';\nconst a = 1;\nconst o = {\n  a,\n  b: 2,\n  [k]: 3,\n  [`t${k}`]: 4,\n  'quoted': 5,\n  42: 6,\n  method() { return this.a; },\n  get g() { return 1; },\n  set g(v) {},\n  async am() {},\n  *gen() { yield 1; },\n  async *ag() {},\n  ...{ s: 1 },\n  ['__proto__']: 7,\n  __proto__,\n};\nvar __proto__;",
  ],
  [
    'classes: fields, static, private, accessors, extends/super, static blocks',
    "class Base {\n  #secret = 1;\n  static #count = 0;\n  static created = 0;\n  field = this.#secret;\n  [Symbol.iterator]() { return [][Symbol.iterator](); }\n  constructor(x) { this.x = x; Base.#count++; }\n  get secret() { return this.#secret; }\n  set secret(v) { this.#secret = v; }\n  #helper() { return this.#secret; }\n  static has(o) { return #secret in o; }\n  static { Base.created = Base.#count; }\n}\nclass Derived extends Base {\n  constructor() { super(1); super.secret; }\n  toString() { return `D${super.toString()}`; }\n  static make = () => new this();\n}\nconst Anon = class extends Derived {};\nclass E extends Error { constructor(m) { super(m); this.name = 'E'; } }",
  ],
  ['new.target', 'function F() { return new.target === F; }\nclass A { constructor() { this.kind = new.target.name; } x = new.target; }'],
  ['generators', 'function* g() { const x = yield 1; yield* [x]; return 2; }\nconst it = g();\nit.next();\n[...g()];'],
  [
    'async functions, await, async arrows, async generators',
    'async function f() { return await Promise.resolve(1); }\nconst g = async (x) => await x;\nconst h = async x => x;\nasync function* ag() { yield await f(); }\nclass C { async m() { await null; } static async s() {} }',
  ],
  ['for await', 'async function f(items) { for await (const x of items) x; }\nfor await (const y of [Promise.resolve(1)]) y;'],
  ['top-level await', "const value = await Promise.resolve(42);\nawait new Promise((resolve) => resolve());\nif (await value) {}"],
  ['BigInt literals and numeric separators', 'const big = 123_456n * 2n;\nconst n = 1_000_000.5;\nconst h = 0xFF_FF + 0o7_7 + 0b1_0;\nBigInt(1) + 1n;\n1e3 + .5 + 5.;'],
  ['regex literals', "const re = /(?<year>\\d{4})-(?<m>\\d\\d)/gu;\n'2024-01'.match(re);\n/(?<=a)b/s.test('ab');\n/x/dimy;"],
  ['directive prologue', "'use strict';\nfunction f() { 'use strict'; return 1; }"],
  ['hashbang', '#!/usr/bin/env capsule\nconst x = 1;'],
  ['debugger statement (a breakpoint)', 'function f() { debugger; return 1; }\ndebugger;'],
  ['getters and setters', 'const o = { _v: 0, get v() { return this._v; }, set v(x) { this._v = x; } };\no.v = 1;'],
  ['this in functions, methods and class bodies', "function f() { return this; }\nconst o = { m() { return () => this; } };\nclass C { f = this; static s = this; static { this.t = 1; } m() { return this; } }"],
  ['top-level this (globalThis, as in a V8 script)', "const g = this;\nconst f = () => this;\nclass A extends Object { [this === globalThis ? 'yes' : 'no']() {} }"],
  [
    'the built-in globals',
    "globalThis; Object; Array; String; Number; Boolean; Math; JSON; Map; Set; Symbol;\nError; TypeError; RangeError; SyntaxError; ReferenceError; EvalError; URIError; AggregateError;\nPromise; RegExp; Date; BigInt; console; parseInt; parseFloat; isNaN; isFinite; NaN; Infinity; undefined;\nencodeURIComponent; decodeURIComponent; encodeURI; decodeURI; Intl;",
  ],
  [
    'reading built-ins and their prototypes',
    "Object.keys({});\nObject.getPrototypeOf([]) === Array.prototype;\nArray.prototype.slice.call([1], 0);\nObject.prototype.hasOwnProperty.call({}, 'x');\nObject.freeze(Array.prototype);\nconst o = {};\nObject.defineProperty(o, 'x', { value: 1 });\nObject.assign(o, { y: 2 });\nObject.create(null);\nglobalThis.Math.max(1);\nconsole.log(Math.PI);",
  ],
  ['__proto__ in object literals (prototype set at creation)', "const base = { greet() { return 1; } };\nconst child = { __proto__: base, own: 1 };\nconst dict = { '__proto__': null };\nconst plain = { ['__proto__']: 'key' };"],
  ['subclassing built-ins', 'class MyMap extends Map { getOr(k, d) { return this.has(k) ? this.get(k) : d; } }\nclass MyArr extends Array {}'],
  ['mutating own objects', 'const o = { prototype: {} };\no.prototype.x = 1;\nclass C {}\nC.prototype.m = function () {};\nC.staticThing = 1;\ndelete o.prototype;'],
  ['Symbol and well-known symbols', "const s = Symbol('d');\ns.description;\nconst it = { *[Symbol.iterator]() { yield 1; } };\nSymbol.asyncIterator; Symbol.for('x');"],
  ['comments', '// line\n/* block */\n/**\n * doc\n */\nconst x = 1; // trailing'],
  ['unicode', "const café = 'ü';\nconst \\u0061b = 1;\nconst s = '\\u{1F600}';\nab;"],
  ['line terminators \\r\\n and U+2028', 'const a = 1;\r\nconst b = 2;\u2028const c = a + b;'],
];

describe('accepted programs', () => {
  it.each(programs)('%s', (_title, source) => {
    expect(diagnose(source)).toEqual([]);
  });
});
