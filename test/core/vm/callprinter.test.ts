/**
 * The callee in "x is not a function" / "x is not a constructor", as V8's CallPrinter writes it
 * (core/vm/callprinter.ts): each program runs in node:vm and in core, and the two messages must
 * be the same. The programs cover every node kind the printer handles: names and member chains,
 * literals and V8's constant folding, calls, `new`, array/object literals, operators (n-ary
 * chains, comparisons, comma), unary and update operators, assignments, spread, templates and
 * tags, `this`, `super`, private names, optional chains (parenthesized or not), function and
 * class literals, and calls with spread arguments.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as core from '../../../core/index';

const PROGRAMS: string[] = [
  "new (() => 1)()",
  "new (function(){ return 1 }.bind)()",
  "const o = {f: () => 1}; new o.f()",
  "const o = {f: () => 1}; new o[\"f\"]()",
  "new (1, Math.max)()",
  "const a = [() => 1]; new a[0]()",
  "new (x => x)",
  "new Math.max",
  "const f = () => 1; new (f)()",
  "new (async function(){})()",
  "new (class {}.x)()",
  "new (0 || (() => 1))()",
  "new (function*(){})()",
  "const g = () => () => 1; new (g())()",
  "new `x`()",
  "new ({}).toString()",
  "new (Symbol)()",
  "new 5",
  "new (function(){ let a = 1; a++; return a }.x)()",
  "(function(){ let a = 1; a++; return a }).x()",
  "(() => { let a = 1; return a })()()",
  "(class { m() {} n() {} }).x()",
  "(class extends Object { m() {} }).x()",
  "(true ? 1 : 2).x()",
  "({a: 1, b: 2}).x()",
  "({a: 1, b: 2, ...{}}).x()",
  "[1, , \"s\", null, undefined, true].x()",
  "`a${1}b${\"q\"}`.x()",
  "let a; (a = 1).x()",
  "let a = 1; (a += 1).x()",
  "(!1).x()",
  "(typeof 1).x()",
  "(-1).x()",
  "(void 0)()",
  "let i = 0; (i++).x()",
  "let i = 0; (++i).x()",
  "(1 + 2 * 3).x()",
  "(1 < 2).x()",
  "(1 && 2 && 3).x()",
  "(1, 2, 3).x()",
  "(1 ?? 2).x()",
  "/ab+c/gi.x()",
  "(1.5e300).x()",
  "(0.1).x()",
  "(1n).x()",
  "\"a b\".x()",
  "({})[\"a b\"]()",
  "const o={}; o[1]()",
  "const o={}; o[1.5]()",
  "const o={}; o[-1]()",
  "const o={}; o[\"1\"]()",
  "const o={}; o?.x()",
  "const a = () => 0, b = () => 0; const o={}; o?.a.b()",
  "const a = () => 0, b = () => 0; const o={a:{}}; o.a?.b()",
  "const o={}; o?.[\"k\"]()",
  "const o={}; const k=\"k\"; o?.[k]()",
  "this.x()",
  "const o={}; o.x.y.z",
  "const f = () => 1; f()()",
  "const f = () => 1; f(1, 2).x()",
  "const f = () => ({}); new f().x()",
  "class A { m() { super.x() } } new A().m()",
  "class A { static m() { super.x() } } A.m()",
  "[...[1]].x()",
  "const s = \"q\"; `a${s}`.x()",
  "Math[\"max\"].x()",
  "Math[Symbol.iterator]()",
  "const o = {}; o[Symbol.iterator]()",
  "(function f(){}).x()",
  "(async () => {}).x()",
  "(function* (){ yield 1; yield 2 }).x()",
  "null()",
  "undefined()",
  "true()",
  "1()",
  "\"s\"()",
  "(1)()",
  "const n = null; n.x",
  "const a = () => 0, b = () => 0; const u = {}; u.a.b()",
  "const a = () => 0, b = () => 0; [function(){ a(); b(); }].x()",
  "const a = () => 0, b = () => 0; ({ f() { a(); b(); } }).x()",
  "const a = () => 0, b = () => 0; [x => { a(); b() }].x()",
  "const a = () => 0, b = () => 0; (x => { a(); b() }).x()",
  "const a = () => 0, b = () => 0; (function(){ \"use strict\"; a(); }).x()",
  "const a = () => 0, b = () => 0; (function(a = 1){ a(); }).x()",
  "(function(){}).x()",
  "(() => {}).x()",
  "(class { constructor() {} m() {} }).x()",
  "(1 % 2).x()",
  "(2 ** 3).x()",
  "(1 | 2).x()",
  "(1 << 2).x()",
  "(1 >>> 2).x()",
  "(\"a\" + \"b\").x()",
  "const g = 1; (1 + 2 + g).x()",
  "let x = 1; (x + 1 + 2).x()",
  "let a=1,b=2,c=3; (a + b + c).x()",
  "let a=1,b=2,c=3; ((a + b) + c).x()",
  "let a=1,b=2,c=3; (a + (b + c)).x()",
  "let a=1,b=2,c=3; (a + b - c).x()",
  "let a=1,b=2,c=3; (a * b + c).x()",
  "(+1).x()",
  "(~1).x()",
  "(-\"1\").x()",
  "(!\"\").x()",
  "const g = 1; (!g).x()",
  "(-(1)).x()",
  "(- -1).x()",
  "(1 - -1).x()",
  "(1 / 0).x()",
  "(0 / 0).x()",
  "(-0).x()",
  "(1e21).x()",
  "(1 === 1).x()",
  "(1 instanceof Object).x()",
  "(\"a\" in {}).x()",
  "let t = () => 1; t`x`.y()",
  "let t = () => 1; t`x${1}`()",
  "function f(){ new.target.x() } f()",
  "let o = {}; (o.a ??= 1).x()",
  "let o = {}; (o.a = 1).x()",
  "let o = {}; ({a: o.b} = {a: 1}).x()",
  "let x = 1; ([x] = [2]).x()",
  "Math.max(...[1]).x()",
  "let a=[1]; a.map(x=>x)()",
  "let a=[1]; a.map(x=>x).y()",
  "/a/dgimsuy.x()",
  "/a/v.x()",
  "const a = () => 0, b = () => 0; (async function(){ a(); b(); }).x()",
  "(async () => 1).x()",
  "const a = () => 0, b = () => 0; (async function*(){ a(); }).x()",
  "(function*(){}).x()",
  "(() => 1).x()",
  "(() => 1)()()",
  "(class { m() {} }).x()",
  "(class { a = 1 }).x()",
  "(class { static b = 1 }).x()",
  "(class { static {} }).x()",
  "(class { #p = 1 }).x()",
  "(class { #q() {} }).x()",
  "(class { get g() { return 1 } }).x()",
  "(class { static m() {} }).x()",
  "(class { [Symbol.iterator]() {} }).x()",
  "(class { a = 1; b = 2 }).x()",
  "(class extends Object {}).x()",
  "const f = null; f?.()",
  "const o = {}; o.f?.()",
  "const a = () => 0, b = () => 0; const o = {}; (o?.a).b()",
  "const a = () => 0, b = () => 0; const o = {a: {}}; o?.a.b()",
  "class A { #m; f() { this.#m() } } new A().f()",
  "class A { #m; f(o) { o?.#m() } } new A().f(new A())",
  "(x => x, 1).x()",
  "let x = 1; (x = 2, x).q()",
  "(1 ? 2 : 3)()",
  "[1, ...[2], 3].q()",
  "[[1]].q()",
  "({...{}}).q()",
  "({}).q()",
  "[].q()",
  "let a = 1; ({a}).q()",
  "let a=1; ({a, b: 2}).q()",
  "(-1n).x()",
  "(1n + 1n).x()",
  "(\"a\" + 1).x()",
  "(1 + \"a\").x()",
  "(1 - \"a\").x()",
  "(!null).x()",
  "(!undefined).x()",
  "(-null).x()",
  "(!{}).x()",
  "(!!1).x()",
  "(-(-(1))).x()",
  "(1 - 2 - 3).x()",
  "(2 * (3 + 4)).x()",
  "(1 & 3).x()",
  "(5 >> 1).x()",
  "(1 ^ 3).x()",
  "(2 ** -1).x()",
  "(1 / 3).x()",
  "(0.1 + 0.2).x()",
  "(1 == 1).x()",
  "(typeof x).x()",
  "(delete {}.a).x()",
  "const o = 1; o(...[1])",
  "const o = {}; o.f(...[1])",
  "const o = 1; new o(...[1])",
  "const a = [1]; a[0](...a)",
  "const f = () => 1; f()(...[])",
  "const s = Symbol(\"q\"); s()",
  "const o = { [Symbol.iterator]: 1 }; o[Symbol.iterator]()",
  "const arr = [1]; for (const x of arr) x()",
  "const a = () => 0, b = () => 0; const o = {a: 1}; o.a()",
  "const a = () => 0, b = () => 0; const o = {a: 1}; o.a.b()",
  "const o = {a: {}}; o . a . b ()",
  "const a = () => 0, b = () => 0; const o = {a: {}}; o\n .a\n .b()",
  "const o = {}; o[\"x\" + 1]()",
  "const o = {}; o[`k`]()",
  "const o = {}; o[`k${1}`]()",
  "function f() { return this.x(); } f.call({})",
  "const o = { m() { return this.n(); } }; o.m()",
  "const o = {}; (0, o.f)()",
  "const f = 1; (f)()",
  "const f = 1; ((f))()",
  "const g = {h: 1}; (g.h)()",
  "const g = {h: 1}; (g?.h)()",
  "class A { static #p = 1; static f() { A.#p(); } } A.f()",
  "class A { #p = 1; f() { this.#p(); } } new A().f()",
  "const t = 1; t`x`",
  "const o = {t: 1}; o.t`x`",
  "const x = 1; x?.()",
  "const o = {f: 1}; o.f?.()",
  "const o = {f: 1}; o?.f()"
];

function v8Message(source: string): string {
  try {
    vm.runInNewContext(source);
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
}

function coreMessage(source: string): string {
  try {
    core.runSync(source);
    return 'ok';
  } catch (e) {
    if (e instanceof core.RuntimeError) return e.message.replace(/^\w+: /, '');
    throw e;
  }
}

/** for-of / for-await subjects that are not iterable: V8 prints the subject by the same rules. */
const SUBJECTS = ['this', 'o', '{ a: 1 }.a', 'o.a', '5', '(() => 1)()', 'f()', 'g(1, 2)', '[1].map((x) => x)[0]', 'o.m()', '(0, o)', 'null', 'undefined', 'o.a.b', 'o["k"]', '`t`', 'n + 1'];
const SUBJECT_PRELUDE = 'const o = { a: {}, m() { return 1; }, k: 2 }; const f = () => ({}); const g = (a, b) => a; const n = 1;';

async function iterationMessages(run: (source: string) => Promise<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const kind of ['for', 'for await']) {
    for (const s of SUBJECTS) out.push(await run(`${SUBJECT_PRELUDE} const r = []; try { ${kind} (const x of ${s}) {} } catch (e) { r.push(e.message); } r`));
  }
  return out;
}

describe('for-of subjects in "is not iterable" messages, against V8', () => {
  it('words every subject as V8 does, for-of and for-await', async () => {
    const v8 = await iterationMessages(async (src) => vm.runInNewContext(`(async () => { ${src.replace(/ r$/, ' return r;')} })()`));
    const ours = await iterationMessages(async (src) => (await core.run(src)).value);
    expect(ours).toEqual(v8);
    expect(JSON.stringify(v8)).toContain('f is not a function or its return value is not iterable');
    expect(JSON.stringify(v8)).toContain('f(...) is not a function or its return value is not async iterable');
  });
});

describe('callee text in TypeError messages, against V8', () => {
  it.each(PROGRAMS)('%s', (source) => {
    expect(coreMessage(source)).toBe(v8Message(source));
  });

  it('covers programs that fail, not only ones that run', () => {
    expect(PROGRAMS.filter((p) => v8Message(p) !== 'ok').length).toBeGreaterThan(180);
  });
});
