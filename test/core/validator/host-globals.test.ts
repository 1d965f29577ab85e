/**
 * Host-provided names (options.globals), and the rule for observing absent globals:
 * `typeof x` and `globalThis.x` are accepted when a clean V8 realm would also answer
 * "absent" (host APIs, timers), and rejected when V8 would see a built-in we refuse.
 */
import { describe, expect, it } from 'vitest';
import { flagged } from './helpers';

describe('options.globals', () => {
  it('makes host inputs and capabilities resolvable', () => {
    expect(flagged('const r = await search(input.query);\nlog(r);', { globals: ['input', 'search', 'log'] })).toEqual([]);
  });

  it('accepts any iterable', () => {
    expect(flagged('a + b;', { globals: new Set(['a', 'b']) })).toEqual([]);
  });

  it('lets a host provide a host-named capability such as fetch or setTimeout', () => {
    expect(flagged("await fetch('x');\nsetTimeout(1);\nconsole.log(process);", { globals: ['fetch', 'setTimeout', 'process'] })).toEqual([]);
  });

  it('never makes a language-level refusal acceptable', () => {
    expect(flagged("eval('1');\nnew Proxy({}, {});\nnew Uint8Array(1);", { globals: ['eval', 'Proxy', 'Uint8Array'] })).toEqual([
      'CAP1001 eval',
      'CAP1007 Proxy',
      'CAP1010 Uint8Array',
    ]);
  });

  it('does not leak between calls', () => {
    expect(flagged('input;', { globals: ['input'] })).toEqual([]);
    expect(flagged('input;')).toEqual(['CAP1013 input']);
  });
});

describe('observing absent globals', () => {
  it('typeof of an unknown or host name is accepted (it is "undefined", as in a clean V8 realm)', () => {
    expect(flagged("typeof window === 'undefined';\ntypeof process;\ntypeof setTimeout;\ntypeof notDeclaredAnywhere;")).toEqual([]);
  });

  it('typeof of a refused built-in is rejected (V8 would say "function")', () => {
    expect(flagged('typeof eval;\ntypeof Proxy;\ntypeof WeakMap;\ntypeof structuredClone;')).toEqual([
      'CAP1001 eval',
      'CAP1007 Proxy',
      'CAP1008 WeakMap',
      'CAP1014 structuredClone',
    ]);
  });

  it('typeof only exempts a bare identifier', () => {
    expect(flagged('typeof process.env;\ntypeof (0, window);')).toEqual(['CAP1011 process', 'CAP1011 window']);
  });

  it('globalThis.<host name> is accepted (it is undefined, as in a clean V8 realm)', () => {
    expect(flagged("if (globalThis.process) {}\nglobalThis['setTimeout'];\nglobalThis.somethingElse;")).toEqual([]);
  });

  it('globalThis.<refused built-in> is rejected', () => {
    expect(flagged("globalThis.Function;\nglobalThis['Reflect'];\nglobalThis.globalThis.WeakRef;\nglobalThis[`Atomics`];")).toEqual([
      'CAP1002 globalThis.Function',
      "CAP1007 globalThis['Reflect']",
      'CAP1008 globalThis.globalThis.WeakRef',
      'CAP1009 globalThis[`Atomics`]',
    ]);
  });

  it('dynamic globalThis lookups cannot be checked statically (the runtime has no such properties)', () => {
    expect(flagged("const k = 'ev' + 'al';\nglobalThis[k];")).toEqual([]);
  });
});
