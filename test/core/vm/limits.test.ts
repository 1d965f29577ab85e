/** Every budget stops a program with its own LimitError, deterministically. */
import { describe, expect, it, vi } from 'vitest';
import { LimitError, compile, runSync, start } from '../../../core/index';

vi.setConfig({ testTimeout: 60_000 });

function limitOf(src: string, limits: Record<string, number> = {}, signal?: AbortSignal): LimitError {
  try {
    runSync(src, { limits, signal, seed: 1 });
  } catch (e) {
    if (e instanceof LimitError) return e;
    throw e;
  }
  throw new Error('expected a LimitError');
}

describe('limits', () => {
  it('instruction budget stops an infinite loop at the same instruction every run', () => {
    const a = limitOf('let i = 0; while (true) { i++; }', { instructions: 100_000 });
    const b = limitOf('let i = 0; while (true) { i++; }', { instructions: 100_000 });
    expect(a.limit).toBe('instructions');
    expect(a.value).toBe(100_000);
    expect(a.reached).toBe(b.reached);
    expect(a.message).toMatch(/limits\.instructions/);
  });

  it('call depth stops unbounded recursion without touching the host stack', () => {
    const e = limitOf('function f(n) { return f(n + 1) + 1; } f(0)', { callDepth: 500 });
    expect(e.limit).toBe('callDepth');
    // deep but allowed recursion works (guest frames are VM data)
    expect(runSync('function f(n) { return n === 0 ? 0 : 1 + f(n - 1); } f(1900)').value).toBe(1900);
  });

  it('guest try/catch cannot swallow a limit', () => {
    const e = limitOf('let n = 0; while (true) { try { while (true) n++; } catch (e) { n = -1; } }', { instructions: 50_000 });
    expect(e.limit).toBe('instructions');
  });

  it('heap budget stops a growing structure before the host runs out', () => {
    const e = limitOf('const keep = []; while (true) keep.push({ a: keep.length, b: [1, 2, 3] });', { heapBytes: 2 * 1024 * 1024 });
    expect(e.limit).toBe('heapBytes');
  });

  it('heap budget stops string doubling', () => {
    const e = limitOf('let s = "x"; while (true) s = s + s;', { heapBytes: 8 * 1024 * 1024 });
    expect(e.limit).toBe('heapBytes');
  });

  it('allocation count is enforced', () => {
    const e = limitOf('while (true) { const o = {}; }', { allocations: 10_000 });
    expect(e.limit).toBe('allocations');
  });

  it('the same program hits the heap limit at the same instruction', () => {
    const src = 'const keep = []; for (let i = 0; ; i++) keep.push("item" + i);';
    const a = limitOf(src, { heapBytes: 2 * 1024 * 1024 });
    const b = limitOf(src, { heapBytes: 2 * 1024 * 1024 });
    expect(a.limit).toBe('heapBytes');
    expect(a.reached).toBe(b.reached);
  });

  it('time limit stops a long run (cooperative)', () => {
    const e = limitOf('let i = 0; while (true) i++;', { timeMs: 50, instructions: 1e12 });
    expect(e.limit).toBe('timeMs');
  });

  it('time limit counts the time of earlier steps: a run of short steps is stopped too', () => {
    // each step runs ~25 000 instructions and suspends, below the clock-reading interval
    const program = compile('let s = 0; for (let k = 0; k < 2000; k++) { for (let i = 0; i < 5000; i++) s += i; f(k); } s', {
      globals: ['f'],
      capabilities: ['f'],
    });
    const ex = start(program, { capabilities: [{ name: 'f' }], limits: { timeMs: 10, instructions: 1e12 } });
    let o = ex.outcome;
    let caught: unknown = null;
    try {
      while (o.status === 'suspended') o = ex.resume(o.calls.map((c) => ({ id: c.id, value: 0 })));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LimitError);
    expect((caught as LimitError).limit).toBe('timeMs');
  });

  it('an aborted signal cancels the run', () => {
    const ac = new AbortController();
    ac.abort();
    const e = limitOf('let i = 0; while (true) i++;', { instructions: 1e12 }, ac.signal);
    expect(e.limit).toBe('cancelled');
  });

  it('BigInt exponent bombs are stopped before the host computes them', () => {
    const e = limitOf('2n ** 100000000n');
    expect(e.limit).toBe('heapBytes');
  });
});

describe('determinism', () => {
  it('same seed, same Math.random sequence and instruction count', () => {
    const src = 'const r = []; for (let i = 0; i < 5; i++) r.push(Math.random()); r';
    const a = runSync(src, { seed: 42 });
    const b = runSync(src, { seed: 42 });
    const c = runSync(src, { seed: 43 });
    expect(a.value).toEqual(b.value);
    expect(a.instructions).toBe(b.instructions);
    expect(a.value).not.toEqual(c.value);
  });

  it('Date.now reads the host-provided clock', () => {
    expect(runSync('Date.now()', { now: () => 1234 }).value).toBe(1234);
    expect(runSync('new Date().toISOString()', { now: () => 0 }).value).toBe('1970-01-01T00:00:00.000Z');
  });

  it.each([
    ['instructions', 'let s = 0;\nwhile (true) {\n  s++;\n}', { instructions: 10_000 }, 3, 3],
    ['heapBytes', 'const a = [];\nfor (let i = 0; ; i++) {\n  a.push({ i });\n}', { heapBytes: 100_000 }, 3, 10],
    ['allocations', 'const a = [];\nfor (let i = 0; ; i++) {\n  a.push([i]);\n}', { allocations: 1_000 }, 3, 10],
    ['callDepth', 'function f(n) {\n  return f(n + 1) + 1;\n}\nf(0);', { callDepth: 50 }, 2, 10],
  ])('a %s LimitError says where the program crossed the limit', (limit, src, limits, line, column) => {
    const e = limitOf(src, limits);
    expect(e.limit).toBe(limit);
    expect(e.location).toMatchObject({ line, column });
  });
});
