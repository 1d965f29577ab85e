/** `capsule run --isolate`: the same results as in-process, from a sidecar process with its limits. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { capsule, ensureBundle, workspace } from './helpers';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let ws: { dir: string; cleanup: () => void };
beforeAll(() => {
  ensureBundle();
  ws = workspace({
    'job.js': `console.log('start');
const r = await lookup(2);
const s = await Promise.all([1, 2].map((i) => lookup(i)));
console.warn('warned');
r.n * 20 + s.length`,
    'mocks.json': JSON.stringify({ capabilities: { lookup: { script: '({ n: args[0] + call })' } } }),
    'bomb.js': 'const keep = []; while (true) keep.push(new Array(1000).fill(keep.length))',
    'throws.js': 'function f() { throw new RangeError("nope"); }\nf()',
  });
});
afterAll(() => ws?.cleanup());

describe('capsule run --isolate', () => {
  it('prints the same console output, result and instruction count as a run in this process', () => {
    const local = capsule(['run', 'job.js', '--mocks', 'mocks.json', '--seed', '1', '--json'], ws.dir);
    const isolated = capsule(['run', 'job.js', '--mocks', 'mocks.json', '--seed', '1', '--json', '--isolate'], ws.dir);
    expect(local.code).toBe(0);
    expect(isolated).toEqual(local);
    expect(isolated.stdout.trim().split('\n').at(-1)).toMatch(/^\{"ok":true,"value":42,"instructions":\d+\}$/);
  });

  it('--durable moves every suspension through snapshot bytes into a fresh sidecar session', () => {
    const local = capsule(['run', 'job.js', '--mocks', 'mocks.json', '--seed', '1', '--json'], ws.dir);
    const durable = capsule(['run', 'job.js', '--mocks', 'mocks.json', '--seed', '1', '--json', '--isolate', '--durable'], ws.dir);
    expect(durable).toEqual(local);
  });

  it('a guest error keeps its exit code and guest stack', () => {
    const local = capsule(['run', 'throws.js'], ws.dir);
    const isolated = capsule(['run', 'throws.js', '--isolate'], ws.dir);
    expect(isolated.code).toBe(1);
    expect(isolated).toEqual(local);
  });

  it('a memory bomb with the heap budget disabled is stopped by the sidecar memory cap (exit 3)', () => {
    const r = capsule(['run', 'bomb.js', '--isolate', '--limits', '{"heapBytes":1e12,"allocations":1e12,"instructions":1e12}'], ws.dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/ran out of memory/);
  });
});
