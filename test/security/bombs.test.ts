/**
 * Resource bombs (bombs.ts): each must end with its own LimitError, at the same instruction
 * count on every run, without the host allocating what the bomb asked for. They run in a
 * child process whose V8 heap is capped at 256 MB (every memory bomb asks for at least that
 * much, most for gigabytes): a bomb the core let through would abort the runner.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BUNDLE, ensureBundle } from '../cli/helpers';
import { BOMB_HEAP, BOMBS } from './bombs';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 600_000 });

const RUNS = 2;
/**
 * Bound on the host heap growth per bomb run (measured before any collection, so garbage the
 * run left behind counts too). The heap budget counts estimated bytes; V8's real cost of the
 * densest patterns (Map entries, small objects, promise reactions) measured 4–7× the estimate,
 * so an 8 MB budget means at most ~56 MB live, plus garbage. Every memory bomb asks for
 * ≥ 256 MB: one the core stopped only after allocating would exceed this bound, or abort the
 * 256 MB runner outright.
 */
const HOST_HEAP_BOUND = 64 * 1024 * 1024;

interface Row {
  id: string;
  run: number;
  limit?: string;
  reached?: number | null;
  instructions?: number;
  maxInFlight?: number;
  completed?: boolean;
  hostError?: string;
  heapDelta: number;
}

let rows: Row[] = [];
let runner = { status: 0 as number | null, stderr: '' };

beforeAll(() => {
  ensureBundle();
  const dir = mkdtempSync(join(tmpdir(), 'capsule-bombs-'));
  try {
    const file = join(dir, 'bombs.json');
    writeFileSync(file, JSON.stringify(BOMBS));
    const r = spawnSync(process.execPath, ['--max-old-space-size=256', '--expose-gc', join(import.meta.dirname, 'bomb-runner.mjs'), BUNDLE.replace('cli.mjs', 'index.mjs'), file, String(RUNS)], {
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    });
    runner = { status: r.status, stderr: r.stderr };
    rows = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('resource bombs', () => {
  it('the runner (V8 heap capped at 256 MB) survives every bomb', () => {
    expect(runner.stderr).toBe('');
    expect(runner.status).toBe(0);
    expect(rows).toHaveLength(BOMBS.length * RUNS);
  });

  it('cover every limit', () => {
    expect(new Set(BOMBS.map((b) => b.limit))).toEqual(new Set(['instructions', 'heapBytes', 'allocations', 'callDepth', 'outstandingHostCalls', 'timeMs', 'cancelled']));
    expect(BOMBS.every((b) => (b.limits?.heapBytes ?? 0) <= BOMB_HEAP)).toBe(true);
  });

  it.each(BOMBS.map((b) => [b.id, b] as const))('%s is stopped by its own limit, deterministically, before the host allocates', (id, bomb) => {
    const mine = rows.filter((r) => r.id === id);
    expect(mine).toHaveLength(RUNS);
    for (const r of mine) {
      expect(r.hostError, id).toBeUndefined();
      expect(r.heapDelta, `${id}: host heap grew by ${(r.heapDelta / 1e6).toFixed(1)} MB`).toBeLessThan(HOST_HEAP_BOUND);
      if (bomb.limit === 'outstandingHostCalls') {
        // a bound on calls in flight, not an error: the rest wait (charged to the guest heap)
        expect(r.completed, id).toBe(true);
        expect(r.maxInFlight, id).toBe(bomb.limits!.outstandingHostCalls);
      } else {
        expect(r.limit, id).toBe(bomb.limit);
      }
    }
    // the same program stops at the same point every run (the clock-based limit excepted)
    if (bomb.limit !== 'timeMs') {
      expect(mine[1].instructions, id).toBe(mine[0].instructions);
      expect(mine[1].reached, id).toBe(mine[0].reached);
    }
  });
});
