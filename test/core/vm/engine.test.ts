/** Engine properties the differential suite cannot see: spans, caches, frozen intrinsics, boundary copies. */
import { describe, expect, it } from 'vitest';
import { compile, disassemble, RuntimeError, runSync } from '../../../core/index';
import { spanAt } from '../../../core/chunk';

describe('bytecode and spans', () => {
  it('every instruction of user code maps to a span inside the source', () => {
    const src = 'const a = [1, 2, 3];\nfunction sq(x) {\n  return x * x;\n}\na.map(sq).reduce((s, v) => s + v, 0)';
    const p = compile(src);
    for (const fn of p.functions) {
      for (let pc = 0; pc < fn.code.length; pc++) {
        const s = spanAt(fn, pc);
        if (!s) continue;
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(src.length);
        expect(s.line).toBeGreaterThanOrEqual(1);
      }
    }
    const listing = disassemble(p);
    expect(listing).toMatch(/Mul\s.*3:10-3:15\s+x \* x/);
    expect(listing).toMatch(/function sq #\d+/);
  });

  it('guest stacks name functions and line:col, never host frames', () => {
    try {
      runSync('function inner() { throw new TypeError("bad"); }\nfunction outer() { inner(); }\nouter();');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RuntimeError);
      const r = e as RuntimeError;
      expect(r.guestName).toBe('TypeError');
      expect(r.guestMessage).toBe('bad');
      expect(r.guestStack).toContain('at inner (1:');
      expect(r.guestStack).toContain('at outer (2:');
      expect(r.guestStack).not.toMatch(/\.ts|node:|\/work\//);
    }
  });
});

describe('objects', () => {
  it('property caches see shape changes (delete, redefine, prototype methods added later)', () => {
    const src = `
      function get(o) { return o.x; }
      const a = { x: 1, y: 2 };
      const r = [get(a), get(a)];
      delete a.x;
      r.push(get(a));
      a.x = 3;
      r.push(get(a));
      class P { }
      const p = new P();
      function m(o) { return o.hello; }
      r.push(m(p));
      P.prototype.hello = 'hi';
      r.push(m(p));
      r`;
    expect(runSync(src).value).toEqual([1, 1, undefined, 3, undefined, 'hi']);
  });

  it('built-in prototypes are frozen but instances may shadow their properties', () => {
    const src = `
      class MyError extends Error { constructor(m) { super(m); this.name = 'MyError'; } }
      const e = new MyError('x');
      let frozen;
      try { const p = Object.getPrototypeOf([]); p.evil = 1; frozen = false; } catch (err) { frozen = err instanceof TypeError; }
      [e.name, String(e), frozen, Object.isFrozen(Object.getPrototypeOf({}))]`;
    expect(runSync(src).value).toEqual(['MyError', 'MyError: x', true, true]);
  });

  it('inputs are read-only copies', () => {
    const input = { list: [1, 2], nested: { a: 1 } };
    const r = runSync('cfg.list.push(3); cfg.nested.a = 2; let threw = false; try { cfg = 1 } catch (e) { threw = e instanceof TypeError } [cfg.list.length, threw]', {
      inputs: { cfg: input },
    });
    expect(r.value).toEqual([3, true]);
    expect(input).toEqual({ list: [1, 2], nested: { a: 1 } });
  });

  it('results are copied out as plain host data', () => {
    const r = runSync('({ a: [1, , 3], n: -0, s: "é", nested: { f() {} } })');
    const v = r.value as { a: unknown[]; n: number; nested: Record<string, unknown> };
    expect(1 in v.a).toBe(false);
    expect(Object.is(v.n, -0)).toBe(true);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  });
});

describe('async', () => {
  it('top-level await and microtask order match the spec', () => {
    const src = `
      const log = [];
      Promise.resolve().then(() => log.push('a1')).then(() => log.push('a2'));
      (async () => { log.push('f0'); await null; log.push('f1'); })();
      await null;
      log.push('main');
      [...log]`;
    // the order V8 produces for the same program (checked with node)
    expect(runSync(src).value).toEqual(['f0', 'a1', 'f1', 'main']);
  });
});

describe('opcode table', () => {
  it('OP_NAMES and OPERANDS agree with the Op enum (the disassembler depends on it)', async () => {
    const { collectConstEnums } = await import('../../../build/const-enums.mjs');
    const { OP_NAMES } = await import('../../../core/opcodes');
    const op = collectConstEnums().get('core')!.get('Op')!;
    expect(op.size).toBe(OP_NAMES.length);
    for (const [name, value] of op) expect(OP_NAMES[value]).toBe(name);
  });
});
