/**
 * Faults the fuzzer found, as regression tests: each reproducer (shrunk) must now hold every
 * fuzz property under the fuzzer's limits, and give the outcome stated here.
 */
import { describe, expect, it } from 'vitest';
import * as core from '../../core/index';
import { checkProgram, FUZZ_LIMITS } from './engine';

function outcome(source: string): string {
  try {
    return `value ${JSON.stringify(core.runSync(source, { limits: FUZZ_LIMITS, seed: 1, now: () => 0 }).value)}`;
  } catch (e) {
    if (e instanceof core.ParseError) return 'ParseError';
    if (e instanceof core.ValidationError) return 'ValidationError';
    return e instanceof core.RuntimeError ? `${e.guestName}` : e instanceof core.LimitError ? `LimitError ${e.limit}` : `host ${String(e)}`;
  }
}

const CASES: [name: string, source: string, expected: string][] = [
  // seed 2 case 588: `b.length = 2n ** 64n` was a RangeError (the host's Number() of a BigInt)
  ['array length from a BigInt', 'const b = []; b.length = (2n ** 64n);', 'TypeError'],
  ['array length from a Symbol', 'const b = []; b.length = Symbol();', 'TypeError'],
  // seed 20261125 cases 638, 651: a shared-reference bomb kept JSON.stringify busy for minutes
  // of host time under a 200 000-instruction budget (the work was charged only at the end)
  ['JSON.stringify of a shared-reference bomb', 'let o = {}; for (let i = 0; i < 50; i++) o = { a: o, b: o }; JSON.stringify(o);', 'LimitError instructions'],
  // seed 20261125 case 7867: redefining a non-configurable property with the same value threw
  ['defineProperty with what the property already is', "const o = {}; Object.defineProperty(o, 'ro', { value: 1 }); Object.defineProperty(o, 'ro', { value: 1 }); o.ro", 'value 1'],
  // profile of seed 778: flat(Infinity) of a shared nest counted 2^30 visits of host time, uncharged
  ['flat of a shared-reference nest', 'let a = [1]; for (let i = 0; i < 30; i++) a = [a, a]; a.flat(Infinity).length', 'LimitError instructions'],
  // seed 20261125 case 42208: `Object ?. prototype` slips past the validator; the frozen built-in
  // throws as V8 does once its built-ins are frozen too (the oracle now checks that)
  ['mutating a frozen built-in through optional chaining', 'Object.defineProperty(Object ?. prototype, "x", { get() { return 1; }, configurable: true });', 'TypeError'],
  // seed 20261125 case 33814: the V8 oracle's console was an enumerable global, core's is not (nor Node's)
  ['JSON.stringify of the global object', 'JSON.stringify({ s: this })', 'value "{\\"s\\":{}}"'],
  // seed 4242 case 1513: a top-level `let undefined` is an early error of a V8 script
  ['top-level let undefined', "let undefined = 'defined!';", 'ParseError'],
  // seed 4242 cases 10861, 29386: the object of a for-in/of read the loop's binding (a wrong
  // slot, or an internal compiler error from a closure) instead of throwing in its TDZ
  ['for-in over its own binding', 'const keys = []; for (const k in k) keys.push(k);', 'ReferenceError'],
  ['for-of whose object closes over its binding', "for (const x0 of Object.entries({ a: 1 }).map(([k]) => k + x0)) {}", 'ReferenceError'],
  // seed 4242 case 13576: a method's source text starts at its key
  ['method toString', 'const obj = { x: 10, method() { return this.x + this.method; } }; obj.method()', 'value "10method() { return this.x + this.method; }"'],
  // seed 4242 case 7124: own keys of an error are stack, message (V8's order)
  ['error own keys', "Object.getOwnPropertyNames(new Error('hello', { cause: 1 }))", 'value ["stack","message","cause"]'],
  // seed 4242 cases 10814, 27083: an array holding plain objects converts with built-ins only
  ['array of objects as a key', "const o = { '1,[object Object]': 'a' }; o[[1, {}]]", 'value "a"'],
  // seed 4242 case 17772: a run of holes is one entry of inspect's 100
  ['inspect of a long sparse array', "const a = []; a[1000] = 'x'; console.log(a); const b = []; for (let i = 0; i < 300; i += 2) b[i] = i; console.log(b); 1", 'value 1'],
  // seed 4242 case 2879: inspect escapes lone surrogates and C1 controls as Node does
  ['inspect of lone surrogates', "console.log(new Map([['\\udc00x', '\\x85\\v']]), ['\\ud800']); 1", 'value 1'],
  ['inspect of a large Set (no columns)', 'console.log(new Set(Array.from({ length: 30 }, (_, i) => i))); 1', 'value 1'],
  // seed 5151 case 18280: meriyah parses a class field with no name; it must not reach the compiler
  ['a class field with no name', "class Button {\n   = 'ok';\n}", 'ValidationError'],
  // seed 5151 case 11384: inspect shows a non-enumerable own Symbol.toStringTag (Object [JSON] {})
  ['inspect of tagged objects', "class B extends Map {}; console.log(JSON, Math, new B(), [1].values(), new Map([[1, 2]]).entries(), (async function* () {})()); 1", 'value 1'],
  // seed 5151 case 13322: a key of 2^32 or more on an array is an ordinary property for inspect too
  ['inspect of an array with a key of 2^32', 'const arr = []; ({ x: arr[4294967296] } = {}); console.log(arr); arr', 'value []'],
  // seed 5151 case 6669: V8 names the callee that is not a function
  ['the message of calling a non-function', "const r = []; try { console.push(); } catch (e) { r.push('outer ' + e.message); } r", 'value ["outer console.push is not a function"]'],
  // seed 8585 case 73893: a NaN from Number('x') in a comparator: the order is implementation-defined
  // (V8's TimSort and core's merge sort differ); the oracle's multiset check split a joined string's quotes badly
  ['toSorted with a NaN-making comparator, joined', "const a = ['x', '42', 'x', '-0'].map(Number).toSorted((a, b) => a - b); ({ a, s: a.join() })", 'value {"a":[null,0,42,null],"s":"NaN,0,42,NaN"}'],
  // seed 8585 case 124175: `new(msg)` (no space after new) named the callee (intermediate value)
  ['the message of new(x) on a non-constructor', "function thrower(msg) { new(msg); } const r = []; try { thrower(); } catch (e) { r.push(e.message); } try { new(r.at)(1); } catch (e) { r.push(e.message); } r", 'value ["msg is not a constructor","r.at is not a constructor"]'],
  // seed 8585 case 122957: V8's Error has an enumerable own stackTraceLimit (documented: not in core)
  ['reflection over Error (V8 extension left out)', 'const t = Object.fromEntries(Object.entries(Error).map(() => [, ])); [Object.keys(Error).length, t]', 'value [0,{}]'],
  // seed 8585 case 143013: Promise, Map and Set have a Symbol.species getter (as Array and RegExp had)
  ['Symbol.species on the built-in constructors', "class M2 extends Map {} [Promise, Map, Set, Array, RegExp, M2].map((C) => [...Object.getOwnPropertySymbols(C)].map(String).join() + ':' + (C[Symbol.species] === C) + ':' + Object.getOwnPropertyDescriptor(C, Symbol.species)?.get?.name)", 'value ["Symbol(Symbol.species):true:get [Symbol.species]","Symbol(Symbol.species):true:get [Symbol.species]","Symbol(Symbol.species):true:get [Symbol.species]","Symbol(Symbol.species):true:get [Symbol.species]","Symbol(Symbol.species):true:get [Symbol.species]",":true:undefined"]'],
  // seed 9191 case 701: a tagged template whose tag is not a function: V8 names the tag ("s" for a string)
  ['the message of a tagged template with a non-function tag', "const o = {}; const x = 1; const r = []; for (const f of [() => o.f`x`, () => `a` `b`, () => 's'`b`, () => x`b${1}c`, () => null`b`, () => 's'()]) { try { f(); } catch (e) { r.push(e.message); } } r", 'value ["o.f is not a function","\\"a\\" is not a function","\\"s\\" is not a function","x is not a function","null is not a function","\\"s\\" is not a function"]'],
  // seed 9191 case 1878: a top-level function is not a property of globalThis (documented)
  ['a top-level function and globalThis', 'function __main() { console.log([, globalThis]); } __main(); typeof globalThis.__main', 'value "undefined"'],
  // seed 9191 case 3605: V8 prints a bound function's source without its name
  ['toString of a bound function', 'const add = (a, b) => a + b; const b1 = add.bind(null); [String(b1), String(b1.bind(null, 1)), b1.name]', 'value ["function () { [native code] }","function () { [native code] }","bound add"]'],
  // seed 20261126 case 68254: leaving a for-await loop awaits what return() gives (AsyncIteratorClose):
  // a rejection propagates (it was dropped), and an async generator awaits the value given to
  // return() before its finally runs (one tick later, as in V8)
  ['break out of for await: the async generator finally throws', "const log = [];\nasync function* gen() { try { yield 2; } finally { log.RegExp('x'); } }\nfor await (const v of gen()) { if (v === 2) break; }\nlog.push('after');", 'TypeError'],
  ['leaving for await: order and errors as in V8', "const log = [];\nasync function* gen() { try { yield 1; yield 2; } finally { log.push('cleanup'); } }\nasync function other() { for (let i = 0; i < 4; i++) { log.push('tick ' + i); await null; } }\nasync function main() {\n  const o = other();\n  for await (const v of gen()) { log.push('v ' + v); if (v === 1) break; }\n  log.push('after');\n  async function* g2() { try { yield 1; } finally { throw new Error('boom'); } }\n  async function f() { for await (const v of g2()) { return 'ret'; } }\n  log.push(await f().catch((e) => 'caught ' + e.message));\n  const it = { [Symbol.asyncIterator]() { return { next() { return Promise.resolve({ value: 1, done: false }); }, return() { log.push('ret called'); return Promise.reject(new Error('rej')); } }; } };\n  try { outer: for (;;) { for await (const v of it) break outer; } } catch (e) { log.push('caught ' + e.message); }\n  const noRet = { [Symbol.asyncIterator]() { return { next() { return Promise.resolve({ value: 1, done: false }); }, return: null }; } };\n  for await (const v of noRet) break;\n  for await (const v of [1, 2]) break;\n  await o;\n  return log;\n}\nawait main();\n", "value [\"tick 0\",\"tick 1\",\"tick 2\",\"v 1\",\"tick 3\",\"cleanup\",\"after\",\"caught boom\",\"ret called\",\"caught rej\"]"],
  ['async generator return(): the value is awaited first', "const log = [];\nasync function* g() { try { yield 1; log.push('not here'); } catch (e) { log.push('caught in gen ' + e); } finally { log.push('fin'); } }\nasync function main() {\n  const it = g(); await it.next();\n  const r = await it.return(Promise.reject('R')).then((x) => 'ok ' + JSON.stringify(x), (e) => 'rej ' + e);\n  log.push(r);\n  const it2 = g(); await it2.next();\n  log.push(JSON.stringify(await it2.return(Promise.resolve(7))));\n  return log;\n}\nawait main();\n", "value [\"caught in gen R\",\"fin\",\"ok {\\\"done\\\":true}\",\"fin\",\"{\\\"value\\\":7,\\\"done\\\":true}\"]"],
  // seed 20261126 case 117622: `%s` of the global object: the oracle's node:vm global prints differently
  ['console %s of globalThis', "console.log('%s', globalThis); console.log('%s', {}); 1", 'value 1'],
  // seed 20261126 case 138244: an error as the message of an error (Error.prototype.toString is
  // self-hosted; over data properties a built-in now converts it without guest code)
  ['an error converted by a built-in', "const e = Error(Error(Error('x'))); const t = new TypeError('t'); t.name = 5; [e.message, String(new Error(t)), `${[new RangeError('r')]}`, Number.parseFloat(new Error('1.5'))]", 'value ["Error: Error: x","Error: 5: t","RangeError: r",null]'],
  // seed 20261126 case 150763: an uncaught error named '' (the harness took '' for no name)
  ['an uncaught error named the empty string', "class Q extends Error { constructor() { super(); this.name = ''; } } throw new Q();", ''],
  // seed 20261126 case 171538: an error's message whose conversion is script code (Symbol.toPrimitive,
  // toString, valueOf) is converted by the prelude (it was refused); Error.prototype.toString
  // converts name and message with the hint "string"
  ['error messages converted by script code', "const hints = [];\nconst spy = { [Symbol.toPrimitive](h) { hints.push(h); } };\nconst r = [];\nr.push(Error(spy).message);\nr.push(new TypeError({ toString() { return 'custom'; } }).message);\nr.push(new AggregateError([1], { valueOf() { return 'v'; }, toString() { return 's'; } }).message);\nconst e = new Error('m'); e.name = { [Symbol.toPrimitive](h) { hints.push('name ' + h); return 'N'; } };\nr.push(String(e));\nclass MyErr extends Error {}\nr.push(new MyErr({ toString() { return 'sub'; } }) instanceof MyErr);\nr.push(Object.keys(Error({ toString: () => 'k' })).length, JSON.stringify(Object.getOwnPropertyNames(new Error({ toString: () => 'k' }, { cause: 1 }))));\ntry { Error({ toString() { throw new RangeError('inner'); } }); } catch (x) { r.push(x.name + ' ' + x.message); }\n[r, hints]\n", "value [[\"undefined\",\"custom\",\"s\",\"N: m\",true,0,\"[\\\"stack\\\",\\\"message\\\",\\\"cause\\\"]\",\"RangeError inner\"],[\"string\",\"name string\"]]"],
  // seed 20261126 case 193995: V8 prints a callee without the spaces around its dots, string keys
  // as names and no grouping parentheses
  ['the callee of "is not a function" as V8 prints it', "const o = { a: {} }; const r = [];\nfor (const f of [() => o . a . b(), () => o.a ?. b(), () => o['a'].c(), () => o [ 'a' ] . c(), () => o.a['x y'](), () => o.a[1](), () => o.a[o.k](), () => (o.a).d(), () => o.a.b?.c.d()]) { try { f(); } catch (e) { r.push(e.message); } }\nr\n", "value [\"o.a.b is not a function\",\"o.a?.b is not a function\",\"o.a.c is not a function\",\"o.a.c is not a function\",\"o.a.x y is not a function\",\"o.a[1] is not a function\",\"o.a[o.k] is not a function\",\"o.a.d is not a function\"]"],
  // seed 20261126 case 212263: a comparator over a missing score returns NaN: the order is
  // implementation-defined (the oracle now watches comparators for NaN and undefined)
  ['toSorted with a comparator that returns NaN', "const PAGES = [\n  { items: [{ id: 1, score: 0.9 }, { id: 2, score: 0.4 }], next: 1 },\n  { items: [{ id: 3, Object: 0.7 }], next: 2 },\n  { items: [{ id: 4, score: 0.95 }, { id: 5, score: 0.1 }], next: null },\n];\n function listPage(cursor) {\n  return PAGES[cursor];\n}\nconst all = [];\nfor (let cursor = 0; cursor !== null; ) {\n  const page =  listPage(cursor);\n  all.push(...page.items);\n  cursor = page.next;\n}\nconst top = all.toSorted((a, b) => b.score - a.score).slice(0, 3).map((x) => x.id);\n({    top, meanScore: Number((all.reduce((s, x) =>    0) / all.length).toFixed(3)) })\n", 'value {"top":[4,1,2],"meanScore":0}'],
  // seed 20261126 cases 271068, 279608, 285509: Object.prototype's own names (documented: no legacy
  // accessor methods); a comparator `a << b` is inconsistent (the oracle now checks both orders);
  // an empty catch block makes a try statement's completion value undefined
  ['own names of Object.prototype', '[, Object.getOwnPropertyNames(Object.prototype)]', 'value [null,["constructor","hasOwnProperty","isPrototypeOf","propertyIsEnumerable","toString","valueOf","__proto__","toLocaleString"]]'],
  ['toSorted with an inconsistent comparator', "const n = 500;\nconst arr = Array.from({ length: n }, (_, i) => (i * 7919) % n);\nconst sorted = arr.toSorted((a, b) => a  <<  b);\n[, ,    sorted.slice(-3)]\n", 'value [null,null,[243,162,81]]'],
  ['the completion value after an empty catch', "const original =  SyntaxError();\ntry {\n  try {\n    throw original;\n  } catch (e) {\n    e.message += ' (annotated)';\n    throw e;\n  }\n} catch  {\n}\n", 'value undefined'],
  // seed 20261126 case 341774: a top-level function read through the global this (documented: not a property)
  ['a top-level function read as this.f', 'function whoAmI() {}\nconst detached = this.whoAmI;\n[, detached === undefined]', 'value [null,true]'],
  // seed 1126 case 4877: Date called through a reference the source does not name reads the clock
  ['Date() through d.constructor', "const d = new Date('2024-02-29T23:59:58.765Z');\n[d.constructor()]", 'value ["Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)"]'],
  // seed 5151 cases 30600, 46764: meriyah accepts two constructors in a class
  ['a class with two constructors', 'class Base {}\nclass NoSuper extends Base {\n  constructor() {}\n  constructor() {}\n}', 'ValidationError'],
  // seed 5151 case 26297: V8 prints the callee of a failed `new` without `new` and its arguments
  ['the message of new on a non-constructor', "const r = []; const o = { a: 1 }; for (const f of [() => new o.a(1), () => new ('deep'), () => new new Error('x')]) { try { f(); } catch (e) { r.push(e.message); } } r", 'value ["o.a is not a constructor","\\"deep\\" is not a constructor","(intermediate value) is not a constructor"]'],
  // seed 6262 case 4389: assigning a const in its TDZ is V8's ReferenceError, not the const TypeError
  ['assigning a const before its declaration', 'let total = 0;\nlimit = total;\nconst limit = 10;', 'ReferenceError'],
  // seed 7373 case 13459: V8 names the iterated expression that is not iterable
  ['the message of iterating a non-iterable', "const r = []; const obj = { a: 1 }; for (const f of [() => { for (const x of this); }, () => { for (const x of obj.a); }]) { try { f(); } catch (e) { r.push(e.message); } } r", 'value ["this is not iterable","obj.a is not iterable"]'],
  // seed 7373 case 64535: Symbol's own keys in V8's order
  ['Symbol own keys', 'Object.getOwnPropertyNames(Symbol).join()', 'value "length,name,prototype,for,keyFor,asyncIterator,hasInstance,isConcatSpreadable,iterator,match,matchAll,replace,search,species,split,toPrimitive,toStringTag,unscopables"'],
  // seed 7373 case 63681: built-ins are frozen (documented); the oracle agrees once V8's are frozen too
  ['isFrozen of a built-in', 'const o = {}; [o.ro, Object.isFrozen(Error)]', 'value [null,true]'],
  // seed 7373 case 92417: a result with shared references (2^30 paths) was copied out without bound (host OOM)
  ['a shared-reference result', 'let __o = {}; for (let __i = 0; __i < 30; __i++) __o = { a: __o, b: __o };', 'LimitError allocations'],
  // seed 7373 cases 98408, 98602: V8's wording for a private name's callee and for-await over undefined
  ['V8 messages: private callee, for await over undefined', "class R { #d = {}; f() { try { this.#d.x(); } catch (e) { return e.message; } } } const r = [new R().f()]; (async () => { try { for await (const v of undefined); } catch (e) { r.push(e.message); } })(); r", 'value ["this[#d].x is not a function","Cannot read properties of undefined (reading \'Symbol(Symbol.asyncIterator)\')"]'],
  // seed 1126 case 9329: Node's %s is String(fn) for any function (a user toString included)
  ['console %s of functions', "function f(a) { return a; } const g = () => 1; g.toString = () => 'G'; console.log('%s|%s', Number, f); console.log('%s|%s', g, f.bind(null)); 1", 'value 1'],
  // seed 2611 case 7200: a thrown non-error (a function, `{}`, `{ name }`) is no error named '' (the harness took it for one)
  ['uncaught non-errors', 'throw () => 1', ''],
  ['an uncaught empty object', 'throw {}', ''],
  ['an uncaught object with a name', "throw { name: 'X', message: 'm' }", 'X'],
  // seed 2611 case 21275: a caught refusal of dynamic code is an EvalError in V8, a TypeError in core (documented)
  ['a caught Function constructor', "const r = []; for (const f of [() => Object.constructor('1'), () => (async () => {}).constructor('1')]) { try { f(); } catch (e) { r.push(e.name, e.message); } } r", 'value ["TypeError","Code generation from strings is disallowed in Capsule","TypeError","Code generation from strings is disallowed in Capsule"]'],
  // seed 2612 case 40900: Map.groupBy (ES2024) is core's, not Node 20's V8's (documented)
  ['own names of Map', 'for (let __k = 0; __k < 3; __k++) {\n[[...Object.getOwnPropertyNames(Map), ].map((k) => (typeof k === \'symbol\' ? k.description : k)), ]\n}', 'value [["length","name","prototype","groupBy"]]'],
  // a targeted sweep of engine messages (2026-11-26): V8 names a spread's source text, and its receiver checks
  ['the message of spreading a non-iterable', "const r = []; const o = { a: 1, n: null }; function f() { return 1; } for (const g of [() => [...o.a], () => [...{}], () => Math.max(...o), () => Math.max(...o.n), () => [...f()]]) { try { g(); } catch (e) { r.push(e.message); } } r", 'value ["o.a is not iterable","{} is not iterable","Spread syntax requires ...iterable[Symbol.iterator] to be a function","o.n is not iterable (cannot read property null)","f is not a function or its return value is not iterable"]'],
  ['receiver checks of Symbol and iterator methods', "const r = []; for (const g of [() => Symbol.prototype.toString.call(1), () => [].values().next.call({}), () => (function* () {})().return.call([])]) { try { g(); } catch (e) { r.push(e.message); } } r", 'value ["Symbol.prototype.toString requires that \'this\' be a Symbol","Method Array Iterator.prototype.next called on incompatible receiver #<Object>","Method [Generator].prototype.return called on incompatible receiver [object Array]"]'],
  // seed 2612 case 217357: a generic descriptor on an accessor turned it into a data property holding the accessor pair
  ['defineProperty of an accessor with a generic descriptor', "const o = { get e() { return 1; }, set e(v) { this.x = v; } }; Object.defineProperty(o, 'e', {}); Object.defineProperty(o, 'e', { get() { return 2; } }); o.e = 5; const d = Object.getOwnPropertyDescriptor(o, 'e'); [o.e, o.x, 'value' in d, typeof d.set]", 'value [2,5,false,"function"]'],
  // seed 2613 case 32488: the global this printed: V8's shows the top-level function (documented: not a property)
  ['the global this printed beside a top-level function', "function f1() {\n}\nconsole.log('value %i', 'a', this);", 'value undefined'],
  // seed 2613 case 233626: a callee whose property is named `function` was not printed
  ['the message of calling o.function', "const r = []; try { Promise.function(); } catch (e) { r.push(e.message); } try { (function () {})(); r.push(1); } catch (e) {} r", 'value ["Promise.function is not a function",1]'],
  // a targeted sweep (2026-11-26, later): `new (() => 1)()` named the arrow "anonymous"; V8 prints callees from
  // its AST (core/vm/callprinter.ts; more cases in test/core/vm/callprinter.test.ts)
  ['callees as V8 prints them', "const r = []; for (const g of [() => new (() => 1)(), () => (function () {})()(), () => ({ f: 1 }).f(), () => new (1, Math.max)(), () => [1, , 'a'].x(), () => (2 * (3 + 4)).x(), () => (1 ? 2 : 3)(), () => Math.max(...[1])()]) { try { g(); } catch (e) { r.push(e.message); } } r", "value [\"(intermediate value) is not a constructor\",\"(intermediate value)(...) is not a function\",\"{(intermediate value)}.f is not a function\",\"(1 , Math.max) is not a constructor\",\"[1,(intermediate value),\\\"a\\\"].x is not a function\",\"14.x is not a function\",\"(intermediate value)(intermediate value)(intermediate value) is not a function\",\"Math.max(...) is not a function\"]"],
  // a systematic sweep of rename-identifier mutants of the corpus (2026-11-26, later; case numbers of that sweep)
  // sweep case 3264: an inherited spec-read-only property (a function's name) could be shadowed
  ["assigning an inherited read-only function name", "const r = []; const a = Object.create(Object); try { a.name = 'a'; } catch (e) { r.push(e.name); } const m = Object.create(Math); try { m.PI = 3; } catch (e) { r.push(e.name); } class E extends Error {} const e = new E('x'); e.name = 'E'; r.push(String(e), Object.hasOwn(a, 'name')); r", "value [\"TypeError\",\"TypeError\",\"E: x\",false]"],
  // sweep case 3465, 4384: the resolver was quoted
  ["the Promise resolver named as V8 does", "const r = []; for (const v of ['deep', 1, null, {}, [1, 2], Symbol('q'), 5n]) { try { new Promise(v); } catch (e) { r.push(e.message); } } r", "value [\"Promise resolver deep is not a function\",\"Promise resolver 1 is not a function\",\"Promise resolver null is not a function\",\"Promise resolver #<Object> is not a function\",\"Promise resolver [object Array] is not a function\",\"Promise resolver Symbol(q) is not a function\",\"Promise resolver 5 is not a function\"]"],
  // sweep case 4460: Symbol() converted with the hint default
  ["Symbol(description) converts with the hint string", "const hints = []; const spy = { [Symbol.toPrimitive](h) { hints.push(h); return 1; } }; [Symbol(spy).description, hints]", "value [\"1\",[\"string\"]]"],
  // sweep case 5411: Node writes an own __proto__ key as ['__proto__']
  ["an own property named __proto__ inspected", "console.log({ ['__proto__']: 1, a: 2 }); console.log({ __proto__() {} }); console.log(JSON.parse('{\"__proto__\": 5}')); 1", "value 1"],
  // sweep case 11572: super() named no parent or class
  ["super() of a class that extends null", "const r = []; try { new (class extends null { constructor() { super(); } })(); } catch (e) { r.push(e.message); } class T extends null { constructor(m) { super(m); } } try { new T('x'); } catch (e) { r.push(e.message); } r", "value [\"Super constructor null of anonymous class is not a constructor\",\"Super constructor null of T is not a constructor\"]"],
  // sweep case 13493: Symbol was no constructor for extends
  ["Symbol and BigInt as class heritage", "const r = []; class S extends Symbol {} try { new S(); } catch (e) { r.push(e.message); } class S2 extends Symbol { constructor() { this.x = 1; super(); } } try { new S2(); } catch (e) { r.push(e.name); } class B extends BigInt {} try { new B(1); } catch (e) { r.push(e.message); } r", "value [\"Symbol is not a constructor\",\"ReferenceError\",\"BigInt is not a constructor\"]"],
  // sweep case 3280 (second sweep): RegExp.input (V8's legacy static) was undefined; now CAP1023
  ['legacy RegExp statics are rejected', "const m = 'a1'.match(/(\\d)/); [m[1], RegExp.input === 'a1']", 'ValidationError'],
  // seed 2701 case 196431: `new (`${id}`)` printed the template's source; V8 prints its substitutions (callprinter.ts)
  ['new of a template literal', "class Repo {\n  async get(id) {\n    throw new (`${id}`);\n  }\n}\nconst r = [];\nnew Repo().get(2).catch((e) => r.push(e.message));\nawait null;\nr", "value [\"id is not a constructor\"]"],
  // seed 2702 case 967: V8 cuts a JSON.stringify space at its NUL (core followed the spec until 2026-11-27; now V8's)
  ['JSON.stringify with a NUL space', "const value = { name: 'x', list: [, ], empty: {} };\n[JSON.stringify(value, null, '\\u0000')]", "value [\"{\\n\\\"name\\\": \\\"x\\\",\\n\\\"list\\\": [\\nnull\\n],\\n\\\"empty\\\": {}\\n}\"]"],
  // third sweep case 1925: super(x) in a class extending Object made ToObject(x), not an object of the subclass
  ['super(x) of a class that extends Object', "class HttpError extends Object { constructor(status, msg) { super(msg); this.status = status; } get name() { return 'HttpError'; } } const e = new HttpError(404, 'not found'); [e.name, e.message, e.status, e instanceof HttpError, String(e), Object.keys(e)]", "value [\"HttpError\",null,404,true,\"[object Object]\",[\"status\"]]"],
  // seed 2802 case 96042: a class's computed key read the class's own binding before it was
  // initialized as undefined (a TypeError) instead of throwing in its TDZ
  ['a computed key naming its own class', 'class Tree { *[Tree.iterator]() {} }', 'ReferenceError'],
  ['a class expression computed key naming its own class', 'const C = class K { static [typeof K] = 1 };', 'ReferenceError'],
  ['its static fields and methods see the class', 'class B { static x = B.name; m() { return B; } } [B.x, new B().m() === B]', 'value ["B",true]'],
  // sweep of 2026-11-26 (late, self-renames in classes) case 7380: `cur += Range` (a class) made
  // ever longer strings through the operator's slow path, which did not count them toward the next
  // heap measurement; the spread kept every one, V8 flattened each, and the process ran out of memory
  ['strings grown through a converted operand count toward the heap limit', 'class R { [Symbol.iterator]() { let c = 0; return { next: () => { c += R; return { done: c >= 1e9, value: c }; } }; } } [...new R()].length', 'LimitError heapBytes'],
  // seed 2803 case 36525: core refuses duplicate top-level functions (module goal); the oracle then
  // *ran* the program in V8 (valid as a script), whose `new Array(2 ** 32 - 1).fill(0)` aborted the
  // whole fuzzer process out of memory. The oracle now only compiles what core's parser refused.
  ['a parse refusal is compiled in V8, never run', 'function f() {}\nfunction f() {}\nnew Array(4294967295).fill(0);', 'ParseError'],
  // seed 2804 case 184071: Node escapes a symbol key's description in inspect (lone surrogates,
  // controls, quote, backslash), not a symbol value's; core printed both raw
  ['inspect escapes a symbol key', "const o = { a: 1, [Symbol('\\udc00x')]: 'sym' }; console.log(o, Symbol('\\n')); 1", 'value 1'],
  // sweep of 2026-11-26 (late) case 1958: the global object's prototype is the host's choice (documented)
  ['the global object inherits from Object.prototype', 'Object.getPrototypeOf(globalThis) === Object.prototype', 'value true'],
  // third sweep case 2508: V8's enumerable Error.stackTraceLimit reached through a variable (documented)
  ['own keys of Error through a variable', "const f = async () => Error; const E = await f(); Object.keys(E)", "value []"],
  // seed 2703 case 2542: getOwnPropertySymbols of an array (or String object) listed its indices and length
  ['getOwnPropertySymbols of arrays', "const s = Symbol('s'); const a = [1, 2]; a[s] = 1; [Object.getOwnPropertySymbols(a).length, Object.getOwnPropertySymbols(Array({})).length, Object.getOwnPropertySymbols(new String('ab')).length]", 'value [1,0,0]'],
  // fourth sweep (renames to the program's own names) case 12291: Array iterators refused array-likes (Array.from(Array.prototype))
  ['array iterators over array-likes', "[Array.from(Array.prototype), [...Array.prototype.values.call({ length: 2, 0: 'a' })], [...Array.prototype.keys.call({ length: 3 })], [...Array.prototype.entries.call('ab')], Object.prototype.toString.call(Array.prototype.values.call({}))]", "value [[],[\"a\",null],[0,1,2],[[0,\"a\"],[1,\"b\"]],\"[object Array Iterator]\"]"],
  // fourth sweep case 10935: a class with an explicit constructor printed only the constructor's text
  ['toString of a class with a constructor', "class A { constructor(x) { this.x = x; } m() {} } const K = class extends A { constructor() { super(1); } }; ['' + A, String(K), String(A.prototype.constructor) === String(A), String(A.prototype.m)]", "value [\"class A { constructor(x) { this.x = x; } m() {} }\",\"class extends A { constructor() { super(1); } }\",true,\"m() {}\"]"],
  // fifth sweep (renames to keywords and common names) case 3907: Function.prototype.arguments/caller are throwing accessors
  ['the arguments and caller of a function', "class N {} const r = []; try { N.arguments; } catch (e) { r.push(e.name); } try { N.caller = 1; } catch (e) { r.push(e.name); } r.push('arguments' in N, Object.hasOwn(N, 'caller')); r", "value [\"TypeError\",\"TypeError\",true,false]"],
  // fifth sweep case 14800: self-hosted built-in methods were constructors with a prototype property
  ['built-in methods are not constructors', "const list = [3]; const r = []; for (const f of [() => new list.map((x) => x), () => new [].filter(Boolean)]) { try { f(); } catch (e) { r.push(e.message); } } r.push('prototype' in [].map, Object.getOwnPropertyNames(Object.fromEntries)); r", "value [\"list.map is not a constructor\",\"[].filter is not a constructor\",false,[\"length\",\"name\"]]"],
  // sixth sweep case 4359: Object.assign through the prelude (a setter, a getter) skipped string sources
  ['Object.assign of a string beside a setter', "const o = Object.assign(Object.create({ set x(v) { this._x = v; } }), { x: 1 }, 'q', Array); [o._x, o[0], Object.keys(o)]", "value [1,\"q\",[\"0\",\"_x\"]]"],
  // eighth sweep (renames to error and promise names), 15 faults: a program printing a stack; frames are engine-specific
  // and core writes the header at creation (documented); the oracle no longer compares printed stacks
  ['a printed stack', "function lookup(k) { throw new TypeError('bad key ' + k); }\nlet out;\ntry { lookup('user'); } catch (e) { e.message += ' (annotated)'; out = e.stack; }\nout", "value \"TypeError: bad key user\\n    at lookup (1:28)\\n    at <script> (3:7)\""],
  // ninth sweep case 3470: reflection over String.prototype listed V8's names in core's definition order; V8's
  // order since 2026-11-27 (builtins/key-order.ts)
  ['own names of String.prototype', "const n = Object.getOwnPropertyNames(String.prototype); [n.length, n]", "value [52,[\"length\",\"constructor\",\"anchor\",\"at\",\"big\",\"blink\",\"bold\",\"charAt\",\"charCodeAt\",\"codePointAt\",\"concat\",\"endsWith\",\"fontcolor\",\"fontsize\",\"fixed\",\"includes\",\"indexOf\",\"isWellFormed\",\"italics\",\"lastIndexOf\",\"link\",\"localeCompare\",\"match\",\"matchAll\",\"normalize\",\"padEnd\",\"padStart\",\"repeat\",\"replace\",\"replaceAll\",\"search\",\"slice\",\"small\",\"split\",\"strike\",\"sub\",\"substr\",\"substring\",\"sup\",\"startsWith\",\"toString\",\"toWellFormed\",\"trim\",\"trimStart\",\"trimLeft\",\"trimEnd\",\"trimRight\",\"toLocaleLowerCase\",\"toLocaleUpperCase\",\"toLowerCase\",\"toUpperCase\",\"valueOf\"]]"],
  // seed 2704 case 126251: a yield left the yielded value on the saved operand stack, so operands pending
  // below it were off by one on resume (`f(yield)` called the wrong slot, `10 + (yield 1)` added 1)
  ['yield inside expressions', "function* g(f) { return [f(yield 1), 10 + (yield 2)]; } const it = g((x) => x * 2); [it.next().value, it.next(21).value, it.next(5).value]", "value [1,2,[42,15]]"],
  // last sweep case 7908: for-of subjects are printed by V8's CallPrinter rules too (`this is not async iterable`)
  ['for-of subjects that are not iterable', "const r = []; try { for await (const v of this) r.push(v); } catch (e) { r.push(e.message); } const f = () => 1; try { for (const v of f()) r.push(v); } catch (e) { r.push(e.message); } r", "value [\"this is not async iterable\",\"f is not a function or its return value is not iterable\"]"],
  // final sweep case 10297: a top-level `var undefined = 2` shadowed the global in core; V8 throws assigning it (now CAP1020)
  ['top-level var undefined', "var x = 1;\nvar undefined = 2;\n[x, undefined]", 'ValidationError'],
  // seed 2808 case 66613: RegExp.prototype had no Annex B compile (getOwnPropertyNames differed from V8's set)
  ['RegExp.prototype.compile', "const r = /a/g; r.lastIndex = 3; const same = r.compile('b+', 'i') === r; [same, String(r), r.lastIndex, r.test('xBB'), String(r.compile(/x/y)), Object.getOwnPropertyNames(RegExp.prototype).includes('compile')]", 'value [true,"/b+/i",0,true,"/x/y",true]'],
  // seed 2809 case 52081: meriyah parses a method parameter with no name (`m(a, = 1)`); the validator read its null target
  ['a method parameter with no name', 'class Range {\n  constructor(start,   = 1) {\n  }\n}', 'ValidationError'],
  // seed 2809 case 717457: a destructuring assignment of a non-iterable printed its source text; V8 gives the value's type
  // found beside it: meriyah accepts a literal target before a nested pattern (`{ a: 1, x: [y] }`)
  ['a literal as a destructuring target', 'const { a: 1, x: [y] } = { x: 1 };', 'ValidationError'],
  ['a destructuring assignment of a number', "const attempts = {};\nfunction callTool(name) {\n  return[name] = (attempts[name] ?? 0) + 1;\n}\nlet m;\ntry { callTool('a'); } catch (e) { m = e.message; }\n[m]", 'value ["number 1 is not iterable (cannot read property Symbol(Symbol.iterator))"]'],
];

describe('fuzzer regressions', () => {
  for (const [name, source, expected] of CASES) {
    it(name, async () => {
      expect(outcome(source)).toBe(expected);
      expect(await checkProgram(core, source)).toBeNull();
    });
  }
});
