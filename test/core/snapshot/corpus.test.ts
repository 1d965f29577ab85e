/**
 * The whole differential corpus, paused at seeded random instruction boundaries, each
 * pause round-tripped through snapshot bytes into a fresh VM: the result (or error), the
 * instruction count and the console output must equal an uninterrupted run's.
 */
import { describe, expect, test } from 'vitest';
import { CapsuleError, LimitError, type CompiledProgram } from '../../../core/index';
import { programFor, start, type Execution, type StartOptions } from '../../../core/execution';
import { restore, snapshot } from '../../../core/snapshot/index';
import { loadCorpus } from '../../differential/corpus';
import { canonical } from '../../differential/harness';

const KEY = 'corpus snapshot key';
const POINTS = Number(process.env.CAPSULE_SNAPSHOT_POINTS ?? 8);

interface Result {
  outcome: string;
  instructions: number;
  console: string[];
  limit: boolean;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function options(lines: string[]): StartOptions {
  return { seed: 1, now: () => 0, onConsole: (level, text) => lines.push(`${level}: ${text}`), limits: { timeMs: 20_000 } };
}

function settle(exec: Execution | null, lines: string[], run: (ex: Execution | null) => Execution): Result {
  let ex: Execution | null = exec;
  try {
    ex = run(ex);
    const o = ex.outcome;
    if (o.status !== 'completed') throw new Error(`unexpected outcome ${o.status}`);
    return { outcome: `value ${canonical(o.value)}`, instructions: o.instructions, console: lines, limit: false };
  } catch (e) {
    if (!(e instanceof CapsuleError) || e.kind === 'Serialization') throw e;
    const err = e as CapsuleError & { guestName?: string; guestMessage?: string; thrown?: unknown };
    const what = e.kind === 'Runtime' ? `${err.guestName}: ${err.guestMessage} ${canonical(err.thrown)}` : `${e.name}: ${e.message}`;
    return { outcome: `throws ${what}`, instructions: currentVm?.instructions ?? -1, console: lines, limit: e instanceof LimitError };
  }
}

let currentVm: Execution['vm'] | null = null;

/** Runs uninterrupted (after one pause at the start, to learn the VM for the instruction count of a throw). */
function baseline(program: CompiledProgram): Result {
  const lines: string[] = [];
  const plain: string[] = [];
  const once = settle(null, plain, () => start(program, options(plain)));
  const r = settle(null, lines, () => {
    const ex = start(program, { ...options(lines), sliceInstructions: 1 });
    currentVm = ex.vm;
    ex.resume([], { sliceInstructions: Infinity });
    return ex;
  });
  expect({ outcome: r.outcome, console: r.console }).toEqual({ outcome: once.outcome, console: once.console });
  return r;
}

/** Pauses at each of `points` (ascending instruction counts), round-tripping every pause through bytes. */
function interrupted(program: CompiledProgram, points: number[]): { result: Result; snapshots: number } {
  const lines: string[] = [];
  let snapshots = 0;
  const result = settle(null, lines, () => {
    const opts = options(lines);
    let ex = start(program, { ...opts, sliceInstructions: points[0] });
    currentVm = ex.vm;
    let k = 1;
    while (ex.outcome.status !== 'completed') {
      const bytes = snapshot(ex, KEY);
      snapshots++;
      ex = restore(program, bytes, { ...opts, key: KEY });
      currentVm = ex.vm;
      const at = ex.vm.instructions;
      while (k < points.length && points[k] <= at) k++;
      ex.resume([], { sliceInstructions: k < points.length ? points[k] - at : undefined });
      if (k < points.length) k++;
    }
    return ex;
  });
  return { result, snapshots };
}

const programs = loadCorpus(process.env.CAPSULE_DIFF_FILTER);

describe('corpus: snapshot → restore at random instruction boundaries', () => {
  for (const category of [...new Set(programs.map((p) => p.category))]) {
    test(category, () => {
      let checked = 0;
      for (const p of programs.filter((q) => q.category === category)) {
        let program: CompiledProgram;
        try {
          program = programFor(p.source, {});
        } catch {
          continue; // parse/validation errors: nothing runs, nothing to snapshot
        }
        const base = baseline(program);
        if (base.limit || base.instructions < 2) continue;
        const r = rng(hash(p.id));
        const points = [...new Set(Array.from({ length: POINTS }, () => 1 + Math.floor(r() * (base.instructions - 1))))].sort((a, b) => a - b);
        // always include the very first instruction boundary as well
        if (points[0] !== 1) points.unshift(1);
        const { result, snapshots } = interrupted(program, points);
        expect({ id: p.id, ...result }).toEqual({ id: p.id, ...base });
        checked++;
        totalSnapshots += snapshots;
      }
      totalChecked += checked;
    }, 300_000);
  }

  test('most of the corpus was exercised', () => {
    expect(totalChecked).toBeGreaterThan(programs.length / 2);
    expect(totalSnapshots).toBeGreaterThan(totalChecked);
  });
});

let totalChecked = 0;
let totalSnapshots = 0;
