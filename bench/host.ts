/**
 * Host-side sections of the bench (issue 4 and 5 figures), core beside MustardScript in the
 * same process where Mustard has the feature:
 *  - host calls: 10 000 awaited capability calls (run() with an async handler; also core's
 *    step-wise start/resume), µs per call;
 *  - durable step: a program with a 5 000-object heap suspends at a capability call; then
 *    snapshot → restore into a fresh VM → resume to the end; ms and snapshot bytes;
 *  - sidecar: cold start of a sidecar process, warm session start, round trip of a step
 *    command, and run throughput in the sidecar against in-process.
 */
import { createRequire } from 'node:module';
import { launchSidecar, type Sidecar } from '../core/host/sidecar/client';
import type { StepResult } from '../core/host/sidecar/protocol';
import type { CoreModule } from './build-core';
import { median, pairedRatio } from './stats';

const require = createRequire(import.meta.url);

export const HOST_CALLS_SOURCE = 'async function main() { let s = 0; for (let i = 0; i < 10000; i++) s += await inc(i); return s; } main()';
export const DURABLE_SOURCE = 'const objs = []; for (let i = 0; i < 5000; i++) objs.push({ id: i, name: "n" + i }); const r = get(1); objs.length + r';

export interface HostRow {
  what: string;
  engine: string;
  value: number | null;
  unit: string;
  n: number;
  note?: string;
}

type MustardModule = {
  Mustard: new (source: string) => {
    run(options: unknown): Promise<unknown>;
    start(options: unknown): unknown;
  };
  Progress: { load(state: unknown, options: unknown): { resume(v: unknown): unknown } };
};

function loadMustard(): MustardModule | null {
  try {
    return require('mustardscript') as MustardModule;
  } catch {
    return null;
  }
}

async function timeAsync(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

function timeSync(runs: number, fn: () => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * Warm-up by time, as the workload cells and the durable step do: at least `min` runs and
 * 500 ms (at most 200 runs), so the figure is the steady state a long-lived host sees rather
 * than V8's tier-up (one warm-up run left 10 000 host calls at ~2.9 µs each against ~1.5 µs warm).
 */
async function warmUp(fn: () => unknown, min = 5): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < 200 && (i < min || performance.now() - start < 500); i++) await fn();
}

function check(what: string, got: unknown, expected: unknown): void {
  if (got !== expected) throw new Error(`${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
}

/**
 * 10 000 awaited capability calls. Each way of running them is warmed up on its own, then
 * timed in rounds (one run of each a round, order rotated), as the workloads are, so the
 * figures come from the same stretch of the machine's drifting speed.
 */
export async function hostCalls(core: CoreModule, runs: number): Promise<HostRow[]> {
  const calls = 10_000;
  const expected = 50005000;
  const program = core.compile(HOST_CALLS_SOURCE, { globals: ['inc'], capabilities: ['inc'] });
  const caps = { inc: async (i: unknown) => (i as number) + 1 };
  const coreRun = async () => check('core run', (await core.run(program, { capabilities: caps })).value, expected);
  const stepwise = () => {
    const ex = core.start(program, { capabilities: [{ name: 'inc' }] });
    let o = ex.outcome;
    while (o.status === 'suspended') o = ex.resume(o.calls.map((c) => ({ id: c.id, value: (c.args[0] as number) + 1 })));
    check('core start/resume', o.status === 'completed' ? o.value : o.status, expected);
  };
  const ways: { what: string; engine: string; fn: () => unknown; t: number[] }[] = [
    { what: 'host call, run() + async handler', engine: 'core', fn: coreRun, t: [] },
    { what: 'host call, start/resume (sync host)', engine: 'core', fn: stepwise, t: [] },
  ];
  const m = loadMustard();
  if (m) {
    const mc = { inc: async (i: unknown) => (i as number) + 1 };
    const mustardRun = async () => check('mustard run', await new m.Mustard(HOST_CALLS_SOURCE).run({ capabilities: mc }), expected);
    ways.push({ what: 'host call, run() + async handler', engine: 'Mustard', fn: mustardRun, t: [] });
  }
  for (const w of ways) await warmUp(w.fn);
  // (at least 15 rounds: a run of core's takes ~20 ms, a stretch shorter than the machine's speed drifts over)
  for (let r = 0; r < Math.max(runs, 15); r++) {
    for (let k = 0; k < ways.length; k++) {
      const w = ways[(k + r) % ways.length];
      w.t.push(...(await timeAsync(1, async () => w.fn())));
    }
  }
  const rows: HostRow[] = ways.map((w) => ({ what: w.what, engine: w.engine, value: (median(w.t) * 1000) / calls, unit: 'µs/call', n: w.t.length }));
  if (!m) rows.push({ what: 'host call, run() + async handler', engine: 'Mustard', value: null, unit: 'µs/call', n: 0, note: 'mustardscript unavailable' });
  return rows;
}

/**
 * Suspend with a 5 000-object heap → snapshot → restore into a fresh VM → resume. Every
 * restore verifies the snapshot's HMAC, as a host in another process does. `clock` is the
 * bench's clock (ms: wall time, or process CPU time with BENCH_CLOCK=cpu).
 */
export function durableStep(core: CoreModule, runs: number, clock: () => number = () => performance.now()): HostRow[] {
  const rows: HostRow[] = [];
  const c = core as unknown as {
    snapshot?: (exec: unknown, key: string) => Uint8Array;
    restore?: (program: unknown, bytes: Uint8Array, options: unknown) => { resume(a: unknown[]): { status: string; value?: unknown } };
  };
  const key = 'bench-key-0123456789abcdef';
  const program = core.compile(DURABLE_SOURCE, { globals: ['get'], capabilities: ['get'] });
  const caps = [{ name: 'get' }];
  if (!c.snapshot || !c.restore) {
    rows.push({ what: 'durable step (snapshot+restore+resume)', engine: 'core', value: null, unit: 'ms', n: 0, note: 'core has no snapshot API in this build' });
  } else {
    let size = 0;
    const once = (): number => {
      const ex = core.start(program, { capabilities: caps });
      const o = ex.outcome;
      if (o.status !== 'suspended') throw new Error(`core: expected a suspension, got ${o.status}`);
      const t = clock();
      const bytes = c.snapshot!(ex, key);
      const t1 = clock();
      const ex2 = c.restore!(program, bytes, { capabilities: caps, key });
      const t2 = clock();
      const r = ex2.resume([{ id: o.calls[0].id, value: 1 }]);
      const ms = clock() - t;
      if (process.env.BENCH_DEBUG_DURABLE) console.log(`snapshot ${(t1 - t).toFixed(2)} restore ${(t2 - t1).toFixed(2)} resume ${(clock() - t2).toFixed(2)}`);
      check('core durable', r.value, 5001);
      size = bytes.length;
      return ms;
    };
    // the codec needs many runs before V8 has optimized it (on 2 cores its background compiles
    // compete with the runs): warm up by time as the workload cells do — at least 20 runs and
    // 500 ms (at most 1 000 runs) — so the figure is the steady state a long-lived host sees
    const warm = performance.now();
    for (let i = 0; i < 1000 && (i < 20 || performance.now() - warm < 500); i++) once();
    const t = Array.from({ length: Math.max(runs, 101) }, () => once());
    rows.push({ what: 'durable step (snapshot+restore+resume)', engine: 'core', value: median(t), unit: 'ms', n: t.length, note: `min ${Math.min(...t).toFixed(3)} ms` });
    rows.push({ what: 'snapshot size, 5 000-object heap', engine: 'core', value: size / 1024, unit: 'KiB', n: 1 });
  }
  const m = loadMustard();
  if (m) {
    const mkey = 'k'.repeat(32);
    let size = 0;
    const once = (): number => {
      const p = new m.Mustard(DURABLE_SOURCE).start({ capabilities: { get: () => 0 }, snapshotKey: mkey }) as { dump(): { snapshot: Uint8Array } };
      const t = clock();
      const d = p.dump();
      const p2 = m.Progress.load(d, { capabilities: { get: () => 0 }, limits: {}, snapshotKey: mkey });
      const r = p2.resume(1);
      const ms = clock() - t;
      check('mustard durable', r, 5001);
      size = d.snapshot.length;
      return ms;
    };
    once();
    const t = Array.from({ length: Math.min(runs, 5) }, once);
    rows.push({ what: 'durable step (snapshot+restore+resume)', engine: 'Mustard', value: median(t), unit: 'ms', n: t.length });
    rows.push({ what: 'snapshot size, 5 000-object heap', engine: 'Mustard', value: size / 1024, unit: 'KiB', n: 1 });
  }
  return rows;
}

/** Sidecar: cold start, warm session start, step round trip, throughput vs in-process. */
export async function sidecar(core: CoreModule, runs: number, workload: { name: string; source: string } | null): Promise<HostRow[]> {
  const rows: HostRow[] = [];
  // the sidecar runs the esbuild bundle out/core/sidecar.mjs: build it from the current sources
  const { buildCore } = (await import('../build/build-core.mjs' as string)) as { buildCore(o: { quiet: boolean }): Promise<unknown> };
  await buildCore({ quiet: true });
  const cold: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const t = performance.now();
    const s = await launchSidecar();
    cold.push(performance.now() - t);
    s.kill();
    await s.exited;
  }
  rows.push({ what: 'sidecar cold start (spawn → ready)', engine: 'core', value: median(cold), unit: 'ms', n: cold.length });
  const sc: Sidecar = await launchSidecar();
  try {
    let k = 0;
    const open = async (source: string, extra: object = {}) => {
      const id = `b${k++}`;
      const r = (await sc.request('open', id, { source, ...extra })) as { outcome: StepResult };
      return { id, outcome: r.outcome };
    };
    for (let i = 0; i < 20; i++) await open('1+1').then(({ id }) => sc.request('close', id));
    const warm: number[] = [];
    for (let i = 0; i < runs * 10; i++) {
      const t = performance.now();
      const { id } = await open('1+1');
      warm.push(performance.now() - t);
      await sc.request('close', id);
    }
    rows.push({ what: 'warm session start (open 1+1, to its result)', engine: 'core', value: median(warm), unit: 'ms', n: warm.length });
    // a step command's round trip: answer one capability call and get the next suspension
    const { id } = await open('for (let i = 0; i < 1e9; i++) tick(i)', { capabilities: [{ name: 'tick' }], limits: { instructions: Infinity } });
    let callId = 1;
    for (let i = 0; i < 50; i++) await sc.request('step', id, { answers: [{ id: callId++, value: 0 }] });
    const rt: number[] = [];
    for (let i = 0; i < runs * 50; i++) {
      const t = performance.now();
      await sc.request('step', id, { answers: [{ id: callId++, value: 0 }] });
      rt.push(performance.now() - t);
    }
    rows.push({ what: 'step round trip (answer → next suspension)', engine: 'core', value: median(rt), unit: 'ms', n: rt.length });
    if (workload) {
      // in-process and sidecar runs alternate (rounds, as the workloads), so the ratio compares
      // runs made at the same machine speed
      const inprocRun = async () => {
        const t = performance.now();
        core.runSync(workload.source);
        return performance.now() - t;
      };
      const sideRun = async () => {
        const t = performance.now();
        let { id: sid, outcome } = await open(workload.source, { limits: { instructions: 1e10, timeMs: 600000 } });
        while (outcome.status === 'paused') outcome = (await sc.request('step', sid, {})) as StepResult;
        const ms = performance.now() - t;
        await sc.request('close', sid);
        return ms;
      };
      // (the sidecar's V8 optimizes the interpreter afresh: a few runs each first)
      for (let i = 0; i < 3; i++) {
        await inprocRun();
        await sideRun();
      }
      const inproc: number[] = [];
      const side: number[] = [];
      const rounds = Math.max(runs, 9);
      for (let i = 0; i < rounds; i++) {
        if (i % 2 === 0) {
          inproc.push(await inprocRun());
          side.push(await sideRun());
        } else {
          side.push(await sideRun());
          inproc.push(await inprocRun());
        }
      }
      rows.push({ what: `throughput: ${workload.name} in-process`, engine: 'core', value: median(inproc), unit: 'ms', n: rounds });
      rows.push({ what: `throughput: ${workload.name} in the sidecar`, engine: 'core', value: median(side), unit: 'ms', n: rounds, note: `${pairedRatio(side, inproc).toFixed(2)}x in-process` });
    }
  } finally {
    sc.kill();
  }
  return rows;
}

/** Prints rows as a table. */
export function hostTable(rows: HostRow[]): string {
  const lines = ['measure                                        engine         value  unit      runs  note'];
  for (const r of rows) {
    const v = r.value === null ? '—' : r.value >= 100 ? r.value.toFixed(0) : r.value >= 1 ? r.value.toFixed(2) : r.value.toFixed(3);
    lines.push(`${r.what.padEnd(46)} ${r.engine.padEnd(8)} ${v.padStart(10)}  ${r.unit.padEnd(8)} ${String(r.n).padStart(5)}  ${r.note ?? ''}`);
  }
  return lines.join('\n');
}

/** Debugger figures: attached without hits, one statement step, step back in a 10M-instruction run. */
export function debuggerBench(core: CoreModule, runs: number, workload: { name: string; source: string }): HostRow[] {
  const rows: HostRow[] = [];
  const { Debugger } = core;
  // attached, no breakpoint hit (one set on a line that never runs); the three ways are warmed
  // up on their own, then timed in rounds (one run of each a round, order rotated) and each
  // ratio is the median of the per-round ratios, as the workloads are: timed one block after
  // another, the same commit read 0.66× and 1.30× plain in two runs a minute apart
  const plainRun = () => core.runSync(workload.source, { limits: { instructions: 1e10, timeMs: 600000 } });
  const attachedRun = (travel: boolean) => () => {
    const ex = core.start(workload.source, { startPaused: true, limits: { instructions: 1e10, timeMs: 600000 } });
    const d = new Debugger(ex);
    if (travel) d.enableTimeTravel();
    d.setBreakpoint({ line: 1_000_000 });
    const o = d.continue();
    if (o.status !== 'completed') throw new Error(`debugger run ended ${o.status}`);
  };
  const ways = [plainRun, attachedRun(false), attachedRun(true)];
  for (const w of ways) for (let i = 0; i < 3; i++) w();
  const times: number[][] = ways.map(() => []);
  const rounds = Math.max(runs, 9);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < ways.length; k++) {
      const i = (k + r) % ways.length;
      times[i].push(timeSync(1, ways[i])[0]);
    }
  }
  const [plain, attached, travelled] = times;
  rows.push({ what: `debugger attached, no hit: ${workload.name}`, engine: 'core', value: pairedRatio(attached, plain), unit: '× plain', n: rounds, note: `${median(plain).toFixed(1)} ms plain` });
  rows.push({ what: `… with time travel (default checkpoints)`, engine: 'core', value: pairedRatio(travelled, plain), unit: '× plain', n: rounds });
  // one statement step
  const loop = 'let s = 0;\nfor (let i = 0; i < 1000000; i++) {\n  s += i % 3;\n  s -= 1;\n}\ns';
  const d = new Debugger(core.start(loop, { startPaused: true }));
  for (let i = 0; i < 50; i++) d.stepInto();
  const steps = timeSync(runs * 100, () => d.stepInto());
  rows.push({ what: 'one statement step (step into)', engine: 'core', value: median(steps), unit: 'ms', n: steps.length });
  // step back one statement at the end of a 10M-instruction run
  const big = 'let s = 0;\nfor (let i = 0; i < 2500000; i++) {\n  s += i % 3;\n}\ns';
  const db = new Debugger(core.start(big, { startPaused: true, limits: { instructions: 1e8 } }));
  db.enableTimeTravel();
  db.setBreakpoint({ line: 5 });
  const end = db.continue();
  if (end.status !== 'paused') throw new Error('step-back bench: expected a pause at the last line');
  const at = db.position;
  const back: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const t = performance.now();
    db.stepBack();
    back.push(performance.now() - t);
    // forwards again to the breakpoint at the end (re-executed live from there)
    if (db.continue().status !== 'paused' || db.position !== at) throw new Error('step-back bench: did not come back to the same point');
  }
  rows.push({ what: `step back one statement after ${(at / 1e6).toFixed(1)}M instructions`, engine: 'core', value: median(back), unit: 'ms', n: back.length });
  return rows;
}
