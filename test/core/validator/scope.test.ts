/**
 * Scope analysis: only free references are checked against the globals, so every binding
 * form must be seen, hoisted and scoped exactly as the language does.
 */
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers';

describe('local bindings shadow globals', () => {
  it.each([
    ['const', "const require = (m) => m;\nrequire('fs');"],
    ['let', 'let process = { env: {} };\nprocess.env;'],
    ['var', 'var fetch = async () => 1;\nawait fetch();'],
    ['function declaration', 'function setTimeout(f) { f(); }\nsetTimeout(() => 1);'],
    ['class declaration', 'class Proxy { constructor(t) { this.t = t; } }\nnew Proxy({});'],
    ['parameter', 'function f(window) { return window.x; }'],
    ['destructured parameter', 'function f({ document, a: [Buffer] }) { return [document, Buffer]; }'],
    ['rest parameter', 'const f = (...module) => module.length;'],
    ['arrow parameter', 'const f = Reflect => Reflect.x;'],
    ['catch parameter', 'try {} catch (global) { global; }'],
    ['destructured catch parameter', 'try {} catch ({ message: exports }) { exports; }'],
    ['named function expression', 'const f = function Reflect() { return Reflect; };'],
    ['class expression name', 'const C = class WeakMap { m() { return WeakMap; } };'],
    ['for-of declaration', 'for (const self of [1]) self;'],
    ['for-in declaration', 'for (let global in {}) global;'],
    ['for declaration', 'for (let window = 0; window < 1; window++) window;'],
    ['shadowed built-in may be written', 'let Math = {};\nMath.random = () => 4;\nMath = null;'],
    ['shadowed Object may call setPrototypeOf', 'const Object = { setPrototypeOf() {} };\nObject.setPrototypeOf();'],
    ['shadowed globalThis', 'const globalThis = {};\nglobalThis.x = 1;\nglobalThis.eval;'],
  ])('%s', (_title, source) => {
    expect(flagged(source)).toEqual([]);
  });
});

describe('hoisting', () => {
  it('function declarations are visible before they appear', () => {
    expect(flagged('main();\nfunction main() { helper(); function helper() {} }')).toEqual([]);
  });

  it('var hoists out of blocks, loops, try, switch and labels to the function', () => {
    const source = [
      'function f() {',
      '  { var a = 1; }',
      '  if (a) { var b; } else { var c; }',
      '  for (var i = 0; i < 1; i++) { var d; }',
      '  for (var k in {}) {}',
      '  for (var v of []) {}',
      '  while (false) { var e; }',
      '  do { var g; } while (false);',
      '  try { var h; } catch { var j; } finally { var l; }',
      '  switch (1) { case 1: var m; }',
      '  label: { var n; }',
      '  return [a, b, c, d, e, g, h, i, j, k, l, m, n, v];',
      '}',
    ].join('\n');
    expect(flagged(source)).toEqual([]);
  });

  it('var does not escape its function', () => {
    expect(flagged('function f() { var inner = 1; }\ninner;')).toEqual(['CAP1013 inner']);
  });

  it('var in a class static block stays in the block', () => {
    expect(flagged('class A { static { var s = 1; s; } }\ns;')).toEqual(['CAP1013 s']);
  });

  it('top-level var, let, const, class and function are all program-wide', () => {
    expect(flagged('function f() { return [a, b, c, D, g]; }\nvar a;\nlet b;\nconst c = 1;\nclass D {}\nfunction g() {}')).toEqual([]);
  });
});

describe('block scoping', () => {
  it('let/const/class/function in a block are not visible outside it', () => {
    expect(flagged('{ let a; const b = 1; class C {} function d() {} }\na; b; C; d;')).toEqual([
      'CAP1013 a',
      'CAP1013 b',
      'CAP1013 C',
      'CAP1013 d',
    ]);
  });

  it('a for-let binding is scoped to the loop', () => {
    expect(flagged('for (let i = 0; i < 1; i++) {}\ni;')).toEqual(['CAP1013 i']);
  });

  it('a for-of binding is scoped to the loop', () => {
    expect(flagged('for (const x of []) {}\nx;')).toEqual(['CAP1013 x']);
  });

  it('a catch parameter is scoped to its clause', () => {
    expect(flagged('try {} catch (err) {}\nerr;')).toEqual(['CAP1013 err']);
  });

  it('switch cases share one block scope', () => {
    expect(flagged('switch (1) { case 0: let q = 1; break; default: q; }\nq;')).toEqual(['CAP1013 q']);
  });

  it("a named function expression's name is only visible inside it", () => {
    expect(flagged('const f = function g() { return g; };\ng;')).toEqual(['CAP1013 g']);
  });

  it("a class expression's name is only visible inside it", () => {
    expect(flagged('const C = class K { m() { return K; } };\nK;')).toEqual(['CAP1013 K']);
  });

  it("a class declaration's name is visible in its own heritage and body", () => {
    expect(flagged('class A extends (A, Object) { static m() { return A; } }')).toEqual([]);
  });

  it("parameter defaults cannot see the body's declarations", () => {
    expect(flagged('function f(a = b) { let b = 1; return a; }')).toEqual(['CAP1013 b']);
  });

  it('parameter defaults see earlier parameters and outer bindings', () => {
    expect(flagged('const k = 1;\nfunction f(a, b = a + k, { c = b } = {}) { return c; }')).toEqual([]);
  });

  it('a shadowing binding only shadows inside its scope', () => {
    expect(flagged('function f(process) { return process; }\nprocess;')).toEqual(['CAP1011 process']);
  });
});

describe('what is not a reference', () => {
  it('property names, keys, methods, labels and private names are not references', () => {
    const source = [
      'const o = { process: 1, require() {}, get fetch() { return 1; }, set window(v) {}, "eval": 2, 3: 4 };',
      'o.process; o.eval; o?.Proxy; o.arguments;',
      'class C { process = 1; static require() {} #fetch = 1; get window() { return this.#fetch; } }',
      'setTimeout: for (;;) { break setTimeout; }',
      'const { process: p, require: r = 1 } = o;',
    ].join('\n');
    expect(flagged(source)).toEqual([]);
  });

  it('shorthand properties are references', () => {
    expect(flagged('const o = { process };')).toEqual(['CAP1011 process']);
  });

  it('computed keys are references', () => {
    expect(flagged('const o = { [key]: 1 };\nclass C { [other]() {} }\nconst { [third]: t } = o;')).toEqual([
      'CAP1013 key',
      'CAP1013 other',
      'CAP1013 third',
    ]);
  });
});

describe('run-time errors stay run-time errors', () => {
  it('a use before a let declaration (TDZ) is not a static error', () => {
    expect(flagged('x;\nlet x = 1;\nfunction f() { return y; }\nconst y = 2;')).toEqual([]);
  });

  it('assigning to a const is not a static error (V8 throws a TypeError at run time)', () => {
    expect(flagged('const c = 1;\nc = 2;\nc++;')).toEqual([]);
  });

  it('assigning to undefined, NaN or Infinity is not a static error (V8 throws a TypeError at run time)', () => {
    expect(flagged('undefined = 1;\nNaN = 1;\nInfinity++;')).toEqual([]);
  });

  it('calling a non-function is not a static error', () => {
    expect(flagged('const n = 1;\nn();')).toEqual([]);
  });
});
