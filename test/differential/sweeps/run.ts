/**
 * The sweep families: `npx tsx test/differential/sweeps/run.ts [family…]` (all by default).
 * Each prints the calls whose outcome differs between V8 and core, then a total. Known,
 * documented differences still show up here (see README.md in test/differential).
 */
import { combos, sweep } from './sweep';

const NUM = ['undefined', 'null', '0', '-1', '1', '2', '-0', '1.5', 'NaN', 'Infinity', '-Infinity', "'1'", "'a'", "''", '[]', '[7]', '{}', 'true', '2**32', '1e21', "Symbol('q')", '10n', '({ valueOf() { return 1; } })', '({ toString() { return "2"; } })', 'Object.create(null)'];

const families: Record<string, () => Promise<number>> = {
  async strings() {
    const pool = ['undefined', 'null', '0', '-1', '1', '2.5', 'NaN', 'Infinity', '-0', "''", "'b'", "'X'", '/X/g', '/b/y', '{}', '[]', 'true', '1e21', "'1'", "'\\u00e9'", '({ valueOf() { return 1; } })'];
    const recv = ["'abc'", "''", "'aXbXcX'", "'\\u00e9\\ud83d\\ude00x'", "' pad '", "'\\ud800z'"];
    const methods = ['at', 'charAt', 'charCodeAt', 'codePointAt', 'concat', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'match', 'matchAll', 'normalize', 'padEnd', 'padStart', 'repeat', 'replace', 'replaceAll', 'search', 'slice', 'split', 'startsWith', 'substring', 'substr', 'toLowerCase', 'toUpperCase', 'trim', 'trimStart', 'trimEnd', 'isWellFormed', 'toWellFormed'];
    let n = 0;
    for (const m of methods) {
      const calls: string[] = [];
      for (const r of recv) for (const args of combos(pool, m === 'normalize' || m === 'repeat' ? 1 : 2)) calls.push(m === 'matchAll' ? `[...${r}.${m}(${args.join(', ')})]` : `${r}.${m}(${args.join(', ')})`);
      n += await sweep('String.' + m, calls, 200);
    }
    return n;
  },
  async arrays() {
    const pool = ['undefined', 'null', '0', '-1', '1', '2', '-0', '1.5', 'NaN', 'Infinity', "'1'", "'a'", '[]', '[9,[8]]', '{}', 'true', '2**32', '(x) => x', '(x, i) => i % 2', '(a, b) => b - a', '(acc, x) => acc + x', '({ valueOf() { return 1; } })'];
    const recv = ['[1, 2, 3]', '[]', '[3, 1, , 5]', "['b', 'a', 'c']", '[[1], [2, [3]]]', '[undefined, null, NaN, 0, -0]', "{length: 2, 0: 'a', 1: 'b'}", "'xyz'", '{length: -1}'];
    const methods = ['at', 'concat', 'copyWithin', 'entries', 'every', 'fill', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flat', 'flatMap', 'forEach', 'includes', 'indexOf', 'join', 'keys', 'lastIndexOf', 'map', 'pop', 'push', 'reduce', 'reduceRight', 'reverse', 'shift', 'slice', 'some', 'sort', 'splice', 'toReversed', 'toSorted', 'toSpliced', 'toString', 'unshift', 'values', 'with'];
    let n = 0;
    for (const m of methods) {
      const iter = ['entries', 'keys', 'values'].includes(m);
      const calls: string[] = [];
      for (const r of recv) for (const args of combos(pool, 2)) calls.push(`((o) => { const r = Array.prototype.${m}.call(o${args.map((a) => ', ' + a).join('')}); return [${iter ? '[...r]' : 'r'}, o]; })(${r})`);
      n += await sweep('Array.' + m, calls, 250);
    }
    return n;
  },
  async numbers() {
    const recv = ['0', '-0', '1.5', '123.456', '1e21', '1e-7', 'NaN', '-Infinity', '2**53', '5e-324', '-1234.5678', '255', '1.005'];
    let n = 0;
    for (const m of ['toFixed', 'toPrecision', 'toExponential', 'toString']) {
      const calls: string[] = [];
      for (const r of recv) for (const args of combos(NUM, 1)) calls.push(`(${r}).${m}(${args.join(', ')})`);
      n += await sweep('Number.' + m, calls, 250);
    }
    const fns = ['Math.abs', 'Math.atan2', 'Math.ceil', 'Math.clz32', 'Math.fround', 'Math.hypot', 'Math.imul', 'Math.max', 'Math.min', 'Math.pow', 'Math.round', 'Math.sign', 'Math.trunc', 'Number', 'Number.isInteger', 'Number.parseFloat', 'parseInt', 'isNaN', 'isFinite', 'String', 'encodeURIComponent', 'decodeURIComponent', 'String.fromCharCode', 'String.fromCodePoint', 'BigInt', 'Object.is'];
    for (const f of fns) {
      const calls: string[] = [];
      for (const args of combos(NUM, 2)) calls.push(`${f}(${args.join(', ')})`);
      n += await sweep(f, calls, 300);
    }
    return n;
  },
  async statics() {
    const pool = ['undefined', 'null', '0', '-1', '1.5', "'a'", "[]", "[1, 'x']", "[['a', 1]]", '{}', '{ a: 1, b: [2] }', 'true', '() => 1', "Symbol('q')", '10n', 'new Map([[1, 2]])', 'new Set([1])', 'new Date(0)', '/a/g', 'Object.create(null)', "Object('s')", '({ valueOf() { return 3; } })', 'Object.freeze({ z: 1 })'];
    const fns = ['Object.keys', 'Object.values', 'Object.entries', 'Object.assign', 'Object.fromEntries', 'Object.freeze', 'Object.isFrozen', 'Object.create', 'Object.getPrototypeOf', 'Object.hasOwn', 'Object.getOwnPropertyNames', 'Object.getOwnPropertyDescriptor', 'JSON.stringify', 'JSON.parse', 'Symbol.for', 'Symbol.keyFor', 'BigInt.asIntN', 'Date.UTC', 'Date.parse', 'String.raw', 'Error', 'AggregateError'];
    let n = 0;
    for (const f of fns) {
      const calls: string[] = [];
      for (const args of combos(pool, 2)) calls.push(`${f}(${args.join(', ')})`);
      n += await sweep(f, calls, 300);
    }
    for (const c of ['Map', 'Set', 'Date', 'RegExp', 'Error', 'Boolean', 'Number', 'String', 'Array', 'Promise']) {
      const calls: string[] = [];
      for (const args of combos(pool, 2)) if (c !== 'Date' || args.length) calls.push(`new ${c}(${args.join(', ')})`);
      n += await sweep('new ' + c, calls, 300);
    }
    return n;
  },
  async operators() {
    const pool = ['undefined', 'null', '0', '-0', '1', '-1.5', 'NaN', "''", "'1'", "'a'", '[]', '[3]', '{}', 'true', '10n', "Symbol('q')", '() => 1', 'new Date(5)', '({ valueOf() { return 7; } })', '({ [Symbol.toPrimitive](h) { return h; } })', 'Object.create(null)', "new String('s')"];
    let n = 0;
    for (const op of ['+', '-', '*', '/', '%', '**', '==', '===', '<', '>=', '&', '|', '^', '<<', '>>', '>>>', '??', '&&', '||']) {
      const calls: string[] = [];
      for (const a of pool) for (const b of pool) calls.push(`(${a}) ${op} (${b})`);
      n += await sweep('op ' + op, calls, 320);
    }
    return n;
  },
  async prototypes() {
    // the built-in prototypes and namespaces are exotic in places (Array.prototype is an array,
    // String.prototype a String object of '', Function.prototype a function…): generic
    // operations on each of them
    const objs = ['Object.prototype', 'Object.getPrototypeOf(() => 1)', 'Array.prototype', 'String.prototype', 'Number.prototype', 'Boolean.prototype', 'Symbol.prototype', 'BigInt.prototype', 'Date.prototype', 'RegExp.prototype', 'Error.prototype', 'TypeError.prototype', 'AggregateError.prototype', 'Map.prototype', 'Set.prototype', 'Promise.prototype', 'Math', 'JSON', 'Object.getPrototypeOf([][Symbol.iterator]())', 'Object.getPrototypeOf(new Map().entries())', 'Object.getPrototypeOf(function* () {})', 'Object.getPrototypeOf(function* () {}).prototype', 'Object.getPrototypeOf(async function () {})', 'Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))'];
    const ops = ['Object.prototype.toString.call(X)', 'JSON.stringify(X)', 'String(X)', '`${X}`', 'X + 1', '+X', 'X == 0', 'typeof X', 'Array.isArray(X)', '[].concat(X).length', '[X].flat().length', 'Object.keys(X)', 'Object.getOwnPropertyNames(X).sort()', 'Object.entries(X).length', 'Object.assign({}, X)', 'Array.from(X).length', '[...X].length', 'X.length', 'X.valueOf()', 'X.toString()', 'Object.getPrototypeOf(X) === Object.prototype', 'JSON.stringify({ k: X }, null, 1)', 'JSON.stringify([1], X)', 'Object(X) === X', 'X instanceof Object', 'X.constructor && X.constructor.name', 'Object.hasOwn(X, "length")', 'Object.getOwnPropertyDescriptor(X, "length")'];
    const calls: string[] = [];
    // (frozenness is left out: core's built-ins are frozen by design, see docs/LANGUAGE.md)
    for (const o of objs) for (const op of ops) calls.push(op.replaceAll('X', o));
    return sweep('prototypes', calls, 150);
  },
  async receivers() {
    // generic methods called on awkward receivers (`m.call(recv, arg)`): the this-conversion,
    // brand checks and their messages
    const recv = ['undefined', 'null', '0', '-0', "''", "'ab'", 'true', '10n', "Symbol('q')", '[]', '[1, 2]', '{}', '{ length: 1, 0: "x" }', 'Object.create(null)', '() => 1', 'new Map([[1, 2]])', 'new Set([1])', 'new Date(0)', '/a/g', "new String('s')", 'new Number(4)', 'Promise.resolve(1)', 'new Error("m")'];
    const args = ['undefined', "'a'", '0', '{}', "'length'", 'Symbol.iterator'];
    const methods = ['Object.prototype.hasOwnProperty', 'Object.prototype.isPrototypeOf', 'Object.prototype.propertyIsEnumerable', 'Object.prototype.toString', 'Object.prototype.toLocaleString', 'Object.prototype.valueOf', 'Map.prototype.get', 'Map.prototype.has', 'Set.prototype.has', 'Date.prototype.getTime', 'Date.prototype.toISOString', 'Date.prototype.getUTCDay', 'RegExp.prototype.test', 'RegExp.prototype.exec', 'RegExp.prototype.toString', 'Error.prototype.toString', 'Number.prototype.toString', 'Boolean.prototype.valueOf', 'String.prototype.toString', 'Symbol.prototype.toString', 'BigInt.prototype.toString', 'Promise.prototype.then', 'Array.prototype.join', 'Array.prototype.toString', 'Object.getPrototypeOf(() => 1).toString'];
    const calls: string[] = [];
    for (const m of methods) for (const r of recv) for (const a of args.slice(0, 3)) calls.push(`(() => { const r = ${m}.call(${r}, ${a}); return r instanceof Promise ? 'promise' : r; })()`);
    return sweep('receivers', calls, 200);
  },
  async collections() {
    const pool = ['undefined', 'null', '0', '-0', 'NaN', "'a'", '1', '[]', '{}', "Symbol.for('s')", '10n', '(k, v) => v', '[[1, 2], [3, 4]]', "'ab'"];
    const ctors = ["new Map([[0, 'z'], [NaN, 'n'], ['a', 1]])", "new Set([0, NaN, 'a'])", 'new Map()', 'new Set()'];
    const methods = ['get', 'set', 'has', 'delete', 'add', 'clear', 'forEach', 'keys', 'values', 'entries'];
    const calls: string[] = [];
    for (const c of ctors) for (const m of methods) for (const args of combos(pool, 2)) {
      calls.push(`((o) => { const f = o.${m}; if (typeof f !== 'function') return 'none'; const r = f.call(o${args.map((a) => ', ' + a).join('')}); return [r === o ? 'self' : r && typeof r === 'object' && typeof r.next === 'function' ? [...r] : r, [...o]]; })(${c})`);
    }
    for (const args of combos(pool, 2)) calls.push(`new Map(${args.join(', ')})`, `new Set(${args.join(', ')})`);
    return sweep('collections', calls, 250);
  },
  async dates() {
    // the UTC API only (local time is the host's time zone in V8, UTC in core unless configured)
    const recv = ['new Date(0)', 'new Date(NaN)', 'new Date(8.64e15)', 'new Date(-8.64e15)', 'new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999))', 'new Date(-1)'];
    const setters = ['setUTCFullYear', 'setUTCMonth', 'setUTCDate', 'setUTCHours', 'setUTCMinutes', 'setUTCSeconds', 'setUTCMilliseconds', 'setTime'];
    const getters = ['getTime', 'getUTCFullYear', 'getUTCMonth', 'getUTCDate', 'getUTCDay', 'getUTCHours', 'getUTCMinutes', 'getUTCSeconds', 'getUTCMilliseconds', 'toISOString', 'toJSON', 'valueOf', 'toUTCString'];
    const calls: string[] = [];
    for (const r of recv) {
      for (const g of getters) calls.push(`${r}.${g}()`);
      for (const m of setters) for (const args of combos(NUM, m === 'setTime' ? 1 : 2)) calls.push(`((d) => [d.${m}(${args.join(', ')}), d.getTime()])(${r})`);
    }
    // (new Date() with no argument reads the clock: the engines' clocks differ)
    for (const args of combos(NUM, 2)) calls.push(`Date.UTC(${args.join(', ')})`, ...(args.length ? [`new Date(${args.join(', ')}).getTime()`] : []));
    return sweep('dates', calls, 300);
  },
  async descriptors() {
    // defineProperty / getOwnPropertyDescriptor / defineProperties / create with descriptor objects
    const targets = ['{}', '{ a: 1 }', '[]', '[1, 2]', 'Object.freeze({ a: 1 })', 'Object.create(null)'];
    const keys = ["'a'", "'b'", "'0'", "'length'", "Symbol.for('s')"];
    const descs = ['{}', '{ value: 2 }', '{ value: 3, writable: true }', '{ value: 4, enumerable: true, configurable: true, writable: true }', '{ get() { return 5; } }', '{ get: 5 }', '{ value: 1, get() {} }', '{ writable: false }', '{ configurable: false }', '{ enumerable: false, value: 6 }', 'undefined', '7'];
    const calls: string[] = [];
    for (const t of targets) for (const k of keys) for (const d of descs) {
      // (attributes on array elements and a non-writable array length are documented rejections)
      if (t.startsWith('[') && (k === "'0'" || k === "'length'")) continue;
      calls.push(`((o) => { const r = Object.defineProperty(o, ${k}, ${d}); return [r === o, Object.getOwnPropertyDescriptor(o, ${k}), Object.keys(o), JSON.stringify(o)]; })(${t})`);
    }
    for (const d of descs) calls.push(`Object.keys(Object.create({}, { a: ${d} }))`, `Object.getOwnPropertyDescriptor(Object.defineProperties({}, { a: ${d} }), 'a')`);
    return sweep('descriptors', calls, 200);
  },
  async promises() {
    // the combinators, resolve/reject, then/catch/finally and the constructor with awkward
    // values; every call is awaited (results and rejection reasons compared)
    const pool = ['1', 'Promise.resolve(2)', 'Promise.reject(new Error("r"))', '{ then(r) { r(3); } }', '{ then(r, j) { j(new TypeError("t")); } }', '{ then: 5 }', '{ get then() { throw new RangeError("g"); } }', 'null', 'undefined', "'ab'", '[]', '[1, Promise.resolve(2)]', '[Promise.reject(new Error("x")), 2]', '[Promise.reject(new Error("a")), Promise.reject(new Error("b"))]', 'new Set([1, 2])', '{}', '(x) => x', '() => { throw new SyntaxError("s"); }', 'Symbol.iterator'];
    const calls: string[] = [];
    for (const v of pool) {
      for (const c of ['all', 'allSettled', 'any', 'race', 'resolve', 'reject']) calls.push(`Promise.${c}(${v})`);
      for (const m of ['then', 'catch', 'finally']) calls.push(`Promise.resolve(7).${m}(${v})`, `Promise.reject(new Error("e")).${m}(${v})`);
      calls.push(`new Promise(${v})`, `Promise.resolve(1).then(() => ${v})`, `Promise.resolve().then(${v}, ${v})`);
    }
    return sweep('promises', calls, 200, true);
  },
  async iteration() {
    // built-in iterators' next on wrong receivers, and the consumers of iterables
    const its = ['[1, 2][Symbol.iterator]()', "'a\\ud83d\\ude00b'[Symbol.iterator]()", 'new Map([[1, 2]]).entries()', 'new Set([1]).values()', '(function* () { yield 1; })()', "'ab'.matchAll(/./g)", '[1].entries()'];
    const recv = ['undefined', '{}', '[]', '[1, 2][Symbol.iterator]()', 'new Map().keys()', 'new Set().values()', '(function* () {})()', "'x'.matchAll(/x/g)"];
    const sources = ['[1, , 3]', "'a\\ud83d\\ude00'", 'new Map([[1, 2], [3, 4]])', 'new Set([1, 1, 2])', '{ length: 2, 0: "x" }', '{ [Symbol.iterator]() { let i = 0; return { next: () => ({ value: i, done: i++ > 2 }) }; } }', '{ [Symbol.iterator]() { return { next: () => 5 }; } }', '{ [Symbol.iterator]: 5 }', '5', 'null', '(function* () { yield 1; yield 2; })()'];
    const calls: string[] = [];
    for (const it of its) for (const r of recv) calls.push(`Object.getPrototypeOf(${it}).next.call(${r})`);
    for (const src of sources) {
      calls.push(`Array.from(${src})`, `Array.from(${src}, (x, i) => [x, i])`, `[...${src}]`, `new Set(${src}).size`, `Object.fromEntries(${src})`, `(([a, b]) => [a, b])(${src})`, `Promise.all(${src}) instanceof Promise`);
      calls.push(`(() => { const out = []; for (const x of ${src}) { out.push(x); if (out.length > 3) break; } return out; })()`);
    }
    return sweep('iteration', calls, 200);
  },
  async regexps() {
    // the RegExp methods and the Symbol-keyed protocol on flag and lastIndex combinations
    const res = ['/a/', '/a/g', '/a/y', '/a/gy', '/(?<n>a)|b/gd', '/\\u{1F600}/u', '/^/gm', '/(?:)/g', '/x*/g', '/[/]/'];
    const inputs = ["'aba'", "''", "'\\ud83d\\ude00a'", "'a\\nb'", 'undefined', '5', '{ toString() { return "ab"; } }'];
    const calls: string[] = [];
    for (const re of res) for (const s of inputs) for (const li of ['0', '1', '-1', '5', "'1'"]) {
      calls.push(`((r) => { r.lastIndex = ${li}; const x = r.exec(${s}); return [x && [...x], x && x.index, x && x.groups, x && x.indices && [...x.indices], r.lastIndex]; })(${re})`);
      if (li === '0') {
        calls.push(`((r) => [r.test(${s}), r.lastIndex])(${re})`);
        calls.push(`((r) => [r[Symbol.replace](${s}, '[$&|$1|$<n>|$$]'), r.lastIndex])(${re})`);
        calls.push(`((r) => [r[Symbol.split](${s}), r.lastIndex])(${re})`);
        calls.push(`((r) => [r[Symbol.match](${s}), r.lastIndex])(${re})`);
        calls.push(`((r) => [r[Symbol.search](${s}), r.lastIndex])(${re})`);
        calls.push(`((r) => [[...r[Symbol.matchAll](${s})].map((m) => [m[0], m.index]), r.lastIndex])(${re})`);
      }
    }
    return sweep('regexps', calls, 250);
  },
  async errors() {
    const pool = ['undefined', "'m'", '5', '{ cause: 1 }', '{ cause: undefined }', '{}', 'null', "{ toString() { return 'ts'; } }", "Symbol('s')", '[1, 2]', 'new Set([new Error("x")])'];
    const ctors = ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError'];
    const calls: string[] = [];
    for (const c of ctors) for (const args of combos(pool, 2)) calls.push(`((e) => [e.name, e.message, 'cause' in e, e.cause, String(e), Object.keys(e), e instanceof ${c}])(new ${c}(${args.join(', ')}))`, `${c}(${args.join(', ')}).message`);
    for (const args of combos(pool, 2)) calls.push(`((e) => [e.name, e.message, e.errors, 'cause' in e, e.cause])(new AggregateError(${args.join(', ')}))`);
    return sweep('errors', calls, 250);
  },
  async bigints() {
    const pool = ['0n', '1n', '-1n', '2n ** 64n', '-(2n ** 63n)', '255n', '0', '1', '-1', '1.5', "'12'", "'0x1f'", "' 7 '", "'1e3'", "''", 'true', 'null', 'undefined', '2 ** 53', 'NaN', '{ valueOf() { return 3n; } }'];
    const calls: string[] = [];
    for (const f of ['BigInt', 'BigInt.asIntN', 'BigInt.asUintN']) for (const args of combos(pool, 2)) calls.push(`${f}(${args.join(', ')})`);
    for (const r of ['0n', '-255n', '2n ** 70n']) for (const a of ['undefined', '2', '16', '36', '1', '37', "'8'"]) calls.push(`(${r}).toString(${a})`);
    for (const op of ['+', '-', '*', '/', '%', '**', '<<', '>>', '&', '|', '^', '<', '==', '===']) for (const a of ['7n', '-7n', '0n', '2n', '1', "'7'"]) for (const b of ['3n', '-3n', '0n', '64n', '1', "'3'"]) calls.push(`(${a}) ${op} (${b})`);
    return sweep('bigints', calls, 300);
  },
  async stringReceivers() {
    // String.prototype methods called on non-strings: RequireObjectCoercible and ToString of this
    const recv = ['undefined', 'null', '5', '-0', 'true', '10n', "Symbol('q')", '[1, [2, 3]]', '{}', "{ toString() { return 'ts'; } }", "{ toString() { throw new Error('boom'); } }", "new String('s')", '/x/g'];
    const methods = ['at', 'charAt', 'codePointAt', 'concat', 'endsWith', 'includes', 'indexOf', 'padEnd', 'repeat', 'slice', 'split', 'startsWith', 'substring', 'toUpperCase', 'trim', 'replace', 'replaceAll', 'match', 'matchAll', 'search', 'normalize', 'localeCompare', 'isWellFormed', 'toString', 'valueOf', 'at'];
    const calls: string[] = [];
    for (const m of methods) for (const r of recv) calls.push(m === 'matchAll' ? `[...String.prototype.${m}.call(${r}, /./g)].length` : `String.prototype.${m}.call(${r}, 't', 1)`);
    return sweep('stringReceivers', calls, 250);
  },
  async json() {
    const values = ['{ a: 1, b: [1, 2, { c: "x" }], d: undefined, e: () => 1 }', '[1, "a", null, undefined, [], {}]', "'s\\u2028\\ud800'", '-0', 'new Date(0)', '{ toJSON(k) { return k + "!"; } }', '{ a: { toJSON() { return undefined; } } }', 'Object.assign(Object.create({ inh: 1 }), { own: 2 })', "{ [Symbol('s')]: 1, b: 2 }", '{ 2: "two", 1: "one", z: 0 }', 'new Map([[1, 2]])', '[new Number(3), new String("s"), new Boolean(false)]'];
    const replacers = ['undefined', 'null', '(k, v) => v', '(k, v) => (typeof v === "number" ? v * 2 : v)', '(k, v) => (k === "a" ? undefined : v)', '["a", "b", 1, "1", "z"]', '["b", "b"]', '[]', '(k, v) => (k === "" ? [v] : v)', 'function (k, v) { return this === undefined ? "no this" : v; }'];
    const spaces = ['undefined', '2', '"--"', '11', '"xxxxxxxxxxxx"', '-1', 'new Number(3)', 'new String("ab")', '0.5', 'true'];
    const calls: string[] = [];
    for (const v of values) for (const r of replacers) for (const sp of ['undefined', '2', '"--"']) calls.push(`JSON.stringify(${v}, ${r}, ${sp})`);
    for (const sp of spaces) calls.push(`JSON.stringify({ a: [1, { b: 2 }] }, null, ${sp})`);
    for (const t of ['\'{"a":[1,{"b":2}],"c":"d"}\'', "'[1, 2, 3]'", "'\"s\"'", "'{\"__proto__\": 1}'"]) for (const rv of ['undefined', '(k, v) => v', '(k, v) => (typeof v === "number" ? v + 1 : v)', '(k, v) => (k === "a" ? undefined : v)', 'function (k, v) { return k === "" ? Object.keys(this) : v; }', '5']) calls.push(`JSON.parse(${t}, ${rv})`);
    return sweep('json', calls, 250);
  },
  async mutation() {
    // callbacks that change the array they iterate (length, holes, values), for every method
    // that calls back: which elements are visited, with which values, and the results
    const muts = ['a.push(x)', 'a.pop()', 'a.shift()', 'a.unshift(0)', 'a.splice(i, 1)', 'a[i + 1] = 9', 'a.length = 1', 'delete a[i + 1]', 'a.reverse()', 'a.fill(7)', 'a[10] = 5', 'a.sort((p, q) => q - p)'];
    const methods = ['forEach', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'reduce', 'reduceRight', 'flatMap'];
    const calls: string[] = [];
    for (const m of methods) for (const mut of muts) {
      const cb = m.startsWith('reduce') ? `(acc, x, i, a) => { seen.push([i, x]); if (seen.length < 6) ${mut}; return acc + ',' + x; }` : `(x, i, a) => { seen.push([i, x]); if (seen.length < 6) ${mut}; return ${m === 'flatMap' ? '[x, x]' : 'i % 2 === 0'}; }`;
      calls.push(`((a) => { const seen = []; const r = a.${m}(${cb}${m.startsWith('reduce') ? ", ''" : ''}); return [r, seen, a, a.length]; })([1, 2, , 4])`);
    }
    for (const mut of muts) calls.push(`((a) => { let n = 0; const r = a.sort((p, q) => { if (n++ === 1) { const i = 0, x = p; ${mut}; } return p - q; }); return [r === a, a.length]; })([3, 1, 2])`);
    return sweep('mutation', calls, 200);
  },
};

const wanted = process.argv.slice(2);
let total = 0;
for (const [name, run] of Object.entries(families)) {
  if (wanted.length && !wanted.includes(name)) continue;
  const n = await run();
  console.log(`${name}: ${n} differences`);
  total += n;
}
console.log(`total: ${total} differences`);
