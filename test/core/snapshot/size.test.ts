/**
 * The durable step of issue 4's bench: a program holding a 5 000-object heap suspends at a
 * capability call; suspend → snapshot → restore (fresh VM) → resume. The snapshot size is
 * deterministic and checked against the 150 KB target; times are only reported.
 */
import { expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 120_000 });
import type { Capability } from '../../../core/index';
import { programFor, start } from '../../../core/execution';
import { restore, snapshot } from '../../../core/snapshot/index';

const caps: Capability[] = [{ name: 'lookup' }];
const SRC = `
const items = [];
for (let i = 0; i < 5000; i++) items.push({ id: i, name: 'item' + i, done: i % 2 === 0 });
const r = lookup(1);
items.length + r.n`;

it('a 5 000-object heap: snapshot size and durable step time', () => {
  const program = programFor(SRC, { capabilities: caps });
  const KEY = 'bench';
  let bytes: Uint8Array = new Uint8Array(0);
  const t = { snapshot: [] as number[], restore: [] as number[], resume: [] as number[], step: [] as number[] };
  for (let i = 0; i < 45; i++) {
    const ex = start(program, { capabilities: caps, seed: 1 });
    expect(ex.outcome.status).toBe('suspended');
    const t0 = performance.now();
    bytes = snapshot(ex, KEY);
    const t1 = performance.now();
    const r = restore(program, bytes, { capabilities: caps, key: KEY });
    const t2 = performance.now();
    const o = r.resume([{ id: 1, value: { n: 1 } }]);
    const t3 = performance.now();
    expect(o.status === 'completed' && o.value).toBe(5001);
    if (i >= 5) {
      t.snapshot.push(t1 - t0);
      t.restore.push(t2 - t1);
      t.resume.push(t3 - t2);
      t.step.push(t3 - t0);
    }
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1].toFixed(2);
  const min = (a: number[]) => Math.min(...a).toFixed(2);
  console.log(
    `5000-object heap: snapshot ${(bytes.length / 1024).toFixed(1)} KB; ms median (min): snapshot ${med(t.snapshot)} (${min(t.snapshot)}), ` +
      `restore ${med(t.restore)} (${min(t.restore)}), resume ${med(t.resume)} (${min(t.resume)}), durable step ${med(t.step)} (${min(t.step)})`,
  );
  expect(bytes.length).toBeLessThanOrEqual(150 * 1024);
});

it('a snapshot larger than the kept scratch buffers round-trips, and so does a small one after it', () => {
  const src = `const big = 'ab'.repeat(3e6) + '\\u{1F600}'; const parts = []; for (let i = 0; i < 3; i++) parts.push(big.slice(i)); const r = lookup(1); parts.map((p) => p.length).join() + r.n`;
  const program = programFor(src, { capabilities: caps });
  const ex = start(program, { capabilities: caps, seed: 1, limits: { heapBytes: 2 ** 30 } });
  expect(ex.outcome.status).toBe('suspended');
  const bytes = snapshot(ex, 'k');
  expect(bytes.length).toBeGreaterThan(4 << 20);
  const o = restore(program, bytes, { capabilities: caps, key: 'k', limits: { heapBytes: 2 ** 30 } }).resume([{ id: 1, value: { n: 1 } }]);
  expect(o.status === 'completed' && o.value).toBe('6000002,6000001,60000001');
  const small = programFor('const r = lookup(2); r.n + 1', { capabilities: caps });
  const sx = start(small, { capabilities: caps });
  const back = restore(small, snapshot(sx, 'k'), { capabilities: caps, key: 'k' }).resume([{ id: 1, value: { n: 41 } }]);
  expect(back.status === 'completed' && back.value).toBe(42);
});
