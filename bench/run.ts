/**
 * `npm run bench`: runs the workloads in bench/workloads/*.js on core (bundled), V8
 * (node:vm), QuickJS (wasm) and MustardScript in this one process, checks every result
 * against V8's, and prints median times, ratios and geometric means; then two extra
 * sections: trivial compile+run (realm setup cost) and a per-phase breakdown of core.
 * docs/BENCH.md explains the methodology. No timing here is ever asserted on.
 *
 * Environment:
 *   BENCH_ITERATIONS  timed rounds per workload (one run per engine each), at most (default 7)
 *   BENCH_WARMUP      warm-up runs per engine, at least 1 (default 2)
 *   BENCH_BUDGET_MS   time budget per engine and workload; fewer rounds are made past it, at least 1
 *                     (default 3000; none when BENCH_ITERATIONS is set and this is not)
 *   BENCH_TIMEOUT_MS  one run longer than this is stopped (QuickJS, Mustard) and reported as a timeout (default 15000)
 *   BENCH_FILTER      comma-separated substrings: only workloads whose name contains one of them
 *   BENCH_ENGINES     comma-separated subset of core,v8,quickjs,mustard (V8 always runs: it is the reference)
 *   BENCH_SECTIONS    comma-separated subset of workloads,trivial,phases,host,sidecar,debugger,ui (default all;
 *                     ui = bench/ui.ts: the studio's UI thread in Chromium, also `npm run bench:ui`)
 *   BENCH_PHASE_WORKLOAD  workload of the per-phase breakdown (default closures)
 *   BENCH_CLOCK       wall (default: performance.now()) or cpu (process.cpuUsage(): user+system
 *                     time of the whole process, steadier on a busy machine; includes V8's helper threads)
 *   BENCH_JSON        also write the raw results as JSON to this path
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { debuggerBench, durableStep, hostCalls, hostTable, sidecar, type HostRow } from './host';
import { loadBundledCore, type CoreModule } from './build-core';
import {
  CORE_LIMITS,
  type Session,
  coreEngine,
  mustardEngine,
  quickjsEngine,
  TimeoutError,
  unavailableEngine,
  v8Engine,
  type Engine,
  type EngineId,
  type RunOutput,
} from './engines';
import { runUiBench, UI_BOUND_MS, uiTable } from './ui';
import { canonical, cpuCheck, fmtCount, fmtMs, fmtRatio, geomean, median, pairedRatio, sum, table, truncate } from './stats';

const here = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------
// configuration

function envInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) {
    console.error(`bench: ${name}=${raw} is not a number >= ${min}`);
    process.exit(2);
  }
  return Math.floor(n);
}

function envList(name: string): string[] | null {
  const raw = process.env[name];
  if (!raw || !raw.trim()) return null;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const config = {
  iterations: envInt('BENCH_ITERATIONS', 7, 1),
  warmup: envInt('BENCH_WARMUP', 2, 0),
  // an explicit BENCH_ITERATIONS is honoured in full unless a budget is given too
  budgetMs: envInt('BENCH_BUDGET_MS', process.env.BENCH_ITERATIONS ? Infinity : 3000, 0),
  timeoutMs: envInt('BENCH_TIMEOUT_MS', 15_000, 1),
  filter: envList('BENCH_FILTER'),
  engines: envList('BENCH_ENGINES'),
  sections: envList('BENCH_SECTIONS') ?? ['workloads', 'trivial', 'phases', 'host', 'sidecar', 'debugger', 'ui'],
  phaseWorkload: process.env.BENCH_PHASE_WORKLOAD?.trim() || 'closures',
  json: process.env.BENCH_JSON?.trim() || null,
  clock: (process.env.BENCH_CLOCK?.trim() || 'wall') as 'wall' | 'cpu',
};
if (config.clock !== 'wall' && config.clock !== 'cpu') {
  console.error(`bench: BENCH_CLOCK must be wall or cpu, not ${String(config.clock)}`);
  process.exit(2);
}

/** The clock every measurement reads (ms). Budgets and timeouts always use wall time. */
const clock: () => number =
  config.clock === 'cpu'
    ? () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      }
    : () => performance.now();

const ENGINE_ORDER: EngineId[] = ['core', 'v8', 'quickjs', 'mustard'];
for (const e of config.engines ?? []) {
  if (!ENGINE_ORDER.includes(e as EngineId)) {
    console.error(`bench: unknown engine ${e} in BENCH_ENGINES (known: ${ENGINE_ORDER.join(', ')})`);
    process.exit(2);
  }
}
const wantEngine = (id: EngineId) => id === 'v8' || !config.engines || config.engines.includes(id);

// ---------------------------------------------------------------------------------------
// workloads

/** Presentation order; any other bench/workloads/*.js file follows alphabetically. */
const WORKLOAD_ORDER = [
  'fib',
  'arith-loop',
  'objects-array-methods',
  'strings-csv',
  'json-roundtrip',
  'sort-comparator',
  'map-set-counting',
  'closures',
];

interface Workload {
  name: string;
  source: string;
}

function loadWorkloads(): Workload[] {
  const dir = join(here, 'workloads');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -3));
  const rank = (n: string) => (WORKLOAD_ORDER.includes(n) ? WORKLOAD_ORDER.indexOf(n) : WORKLOAD_ORDER.length);
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return names.map((name) => ({ name, source: readFileSync(join(dir, `${name}.js`), 'utf8') }));
}

// ---------------------------------------------------------------------------------------
// measuring

type Status = 'ok' | 'unsupported' | 'mismatch' | 'timeout' | 'no-reference';

interface Cell {
  workload: string;
  engine: EngineId;
  status: Status;
  /** Median of the timed runs (ms). */
  ms?: number;
  minMs?: number;
  maxMs?: number;
  runs?: number;
  warmupRuns?: number;
  instructions?: number;
  /** Canonical text of the result. */
  result?: string;
  /** The timed run of each round (null: none in that round); ratios pair runs of the same round. */
  rounds?: (number | null)[];
  reason?: string;
}

/** Upper bound of the warm-up runs (with a budget: runs until steady). */
const MAX_WARMUP = 20;

const gc = (globalThis as { gc?: () => void }).gc;

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const name = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
    const lines = `${name}${error.message}`
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    return truncate(lines.slice(0, 3).join(' | '), 300);
  }
  return String(error);
}

/** One engine while a workload is measured: its cell, session and runs. */
interface Lane {
  engine: Engine;
  cell: Cell;
  session: Session | null;
  warm: number[];
  /** Wall time of the warm-up (ms). */
  warmMs: number;
  /** The timed run of each round (null: none in that round). */
  rounds: (number | null)[];
}

/** A lane's timed runs, in order. */
function timedRuns(lane: Lane): number[] {
  return lane.rounds.filter((ms): ms is number => ms !== null);
}

function runOnce(session: Session): { ms: number; out: RunOutput } {
  const t0 = clock();
  const out = session.run();
  const ms = clock() - t0;
  return { ms, out };
}

/** Checks a run's result against the reference (V8's) and the lane's first; a mismatch ends the lane. */
function checkRun(lane: Lane, out: RunOutput, reference: string | null): boolean {
  const cell = lane.cell;
  const got = canonical(out.value);
  if (cell.result === undefined) cell.result = got;
  if (out.instructions !== undefined) cell.instructions = out.instructions;
  if ((reference !== null && got !== reference) || got !== cell.result) {
    endLane(lane, mismatch(cell, reference ?? cell.result, got));
    return false;
  }
  return true;
}

function endLane(lane: Lane, cell: Cell): void {
  lane.cell = cell;
  lane.session?.dispose();
  lane.session = null;
}

function failLane(lane: Lane, error: unknown): void {
  const timeout = error instanceof TimeoutError;
  endLane(lane, {
    ...lane.cell,
    status: timeout ? 'timeout' : 'unsupported',
    reason: timeout ? `one run exceeded BENCH_TIMEOUT_MS (${(error as Error).message})` : errorText(error),
  });
}

/** Prepares the engine's session and warms it up on its own (see measureWorkload). */
function warmLane(engine: Engine, w: Workload, reference: string | null): Lane {
  const lane: Lane = { engine, cell: { workload: w.name, engine: engine.id, status: 'ok' }, session: null, warm: [], warmMs: 0, rounds: Array<number | null>(config.iterations).fill(null) };
  if (engine.unavailable) {
    lane.cell = { ...lane.cell, status: 'unsupported', reason: engine.unavailable };
    return lane;
  }
  if (engine.id !== 'v8' && reference === null) {
    lane.cell = { ...lane.cell, status: 'no-reference', reason: 'V8 (the reference) could not run this workload' };
    return lane;
  }
  try {
    lane.session = engine.prepare(w.name, w.source);
  } catch (error) {
    lane.cell = { ...lane.cell, status: 'unsupported', reason: errorText(error) };
    return lane;
  }
  // Budget decisions use wall time whatever the clock. BENCH_WARMUP runs, then (with a
  // budget) more until the runs stop getting faster — the last within 10% of the best before
  // it, either way — or two thirds of the budget are spent (at most MAX_WARMUP runs): core's
  // interpreter loop takes several runs to be optimized by V8 (a closures run went 716, 252,
  // 102 … 40 ms), while QuickJS's and Mustard's first runs are already their steady ones. The
  // first run gives V8's result, the reference of the others.
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  // (at least one run: the reference, and a check of the result, come from it)
  const minWarm = Math.max(config.warmup, 1);
  const maxWarm = Number.isFinite(config.budgetMs) && config.warmup > 0 ? Math.max(config.warmup, MAX_WARMUP) : minWarm;
  let best = Infinity;
  try {
    for (let i = 0; i < maxWarm; i++) {
      const { ms, out } = runOnce(lane.session);
      lane.warm.push(ms);
      if (!checkRun(lane, out, reference)) return lane;
      // (neither faster nor slower than the best so far by more than 10%)
      const steady = ms >= best * 0.9 && ms <= best * 1.1;
      best = Math.min(best, ms);
      if (i + 1 >= minWarm && (steady || elapsed() >= (config.budgetMs * 2) / 3)) break;
    }
  } catch (error) {
    failLane(lane, error);
  }
  lane.warmMs = elapsed();
  return lane;
}

/**
 * One workload on every engine. Each engine is warmed up on its own, then the timed runs are
 * made in rounds, every engine once a round (in an order rotated by one each round), so the
 * engines being compared ran within seconds of each other: this machine's speed drifts by 2-6x
 * from second to second (docs/BENCH.md, "Why rounds"), which moved a ratio between
 * engines measured one after the other by as much. A ratio is then the median of the
 * per-round ratios (see {@link ratio}). The budget is BENCH_BUDGET_MS per engine, warm-up
 * included; at least one round is made.
 */
function measureWorkload(w: Workload, engines: Engine[]): Cell[] {
  const v8 = engines.find((e) => e.id === 'v8')!;
  // One full GC before the workload's warm-ups, so no earlier garbage is collected inside its
  // runs — and only there: a forced GC (--expose-gc's gc(), a memory-reducing GC) also
  // discards optimized code, and core's next runs were measured 3-10x slower while V8
  // recompiles its interpreter loop (closures: 31 ms before, then 292, 185, 123, 59, 39 ms).
  gc?.();
  const ref = warmLane(v8, w, null);
  const reference = ref.cell.status === 'ok' ? ref.cell.result! : null;
  const lanes = [ref, ...engines.filter((e) => e.id !== 'v8').map((e) => warmLane(e, w, reference))];
  // Each engine's rounds get what its warm-up left of its budget (at least half of it). An
  // engine that can afford only n of the rounds (by its last warm-up run) makes the last n, so
  // a slow engine's runs are paired with the others' latest, warmest ones (core's interpreter
  // loop is still being optimized in its first runs); an engine also sits out a round its next
  // run would take it past its budget in. Every engine makes at least the last round.
  const roundBudget = (l: Lane) => Math.max(config.budgetMs - l.warmMs, config.budgetMs / 2);
  const firstRound = lanes.map((l) => {
    const last = l.warm[l.warm.length - 1] ?? 0;
    const n = last > 0 ? Math.floor(roundBudget(l) / last) : config.iterations;
    return config.iterations - Math.min(Math.max(n, 1), config.iterations);
  });
  const spent = lanes.map(() => 0);
  for (let r = 0; r < config.iterations; r++) {
    for (let k = 0; k < lanes.length; k++) {
      const i = (k + r) % lanes.length;
      const lane = lanes[i];
      if (!lane.session || r < firstRound[i]) continue;
      const timed = timedRuns(lane);
      if (timed.length > 0 && r < config.iterations - 1 && spent[i] + median(timed) > roundBudget(lane)) continue;
      const t0 = performance.now();
      try {
        const { ms, out } = runOnce(lane.session);
        if (!checkRun(lane, out, reference)) continue;
        lane.rounds[r] = ms;
      } catch (error) {
        failLane(lane, error);
      } finally {
        spent[i] += performance.now() - t0;
      }
    }
  }
  return lanes.map((lane) => {
    lane.session?.dispose();
    if (lane.cell.status !== 'ok') return lane.cell;
    const timed = timedRuns(lane);
    return {
      ...lane.cell,
      ms: median(timed),
      minMs: Math.min(...timed),
      maxMs: Math.max(...timed),
      runs: timed.length,
      warmupRuns: lane.warm.length,
      rounds: lane.rounds,
    };
  });
}

function mismatch(cell: Cell, expected: string, got: string): Cell {
  return {
    ...cell,
    status: 'mismatch',
    result: got,
    reason: `result differs from V8's: expected ${truncate(expected, 160)}, got ${truncate(got, 160)}`,
  };
}

interface Measured {
  /** Median per call (ms). */
  ms: number;
  minMs: number;
  n: number;
}

/** Time-bounded repetition of a small operation, timed per call. */
function repeat(fn: () => unknown, opts: { warmup: number; warmupMs?: number; max: number; budgetMs: number }): Measured {
  return repeatWithSetup(() => undefined, fn, opts);
}

/**
 * Like {@link repeat}, with an untimed `setup` producing each call's input. Warm-up: at least
 * `warmup` calls and, given `warmupMs`, at least that long (at most 20 000 calls).
 */
function repeatWithSetup<T>(setup: () => T, fn: (x: T) => unknown, opts: { warmup: number; warmupMs?: number; max: number; budgetMs: number }): Measured {
  const warm = performance.now();
  for (let i = 0; i < 20_000 && (i < opts.warmup || performance.now() - warm < (opts.warmupMs ?? 0)); i++) fn(setup());
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < opts.max) {
    const x = setup();
    const t0 = clock();
    fn(x);
    samples.push(clock() - t0);
    if (performance.now() - started > opts.budgetMs) break;
  }
  return { ms: median(samples), minMs: Math.min(...samples), n: samples.length };
}

// ---------------------------------------------------------------------------------------
// report

const out: string[] = [];
function print(text = ''): void {
  out.push(text);
  console.log(text);
}

const CELL_TAG: Record<Exclude<Status, 'ok'>, string> = {
  unsupported: 'unsupported',
  mismatch: 'MISMATCH',
  timeout: 'timeout',
  'no-reference': 'no ref',
};

function cellText(c: Cell | undefined): string {
  if (!c) return '';
  if (c.status !== 'ok') return CELL_TAG[c.status];
  const few = c.runs! < config.iterations ? ` (${c.runs})` : '';
  return `${fmtMs(c.ms!)}${few}`;
}

/**
 * a's time over b's: the median of the ratios of the runs the two made in the same round,
 * or (no shared round) the ratio of their medians.
 */
function ratio(a: Cell | undefined, b: Cell | undefined): number {
  if (a?.status !== 'ok' || b?.status !== 'ok') return NaN;
  const r = a.rounds && b.rounds ? pairedRatio(a.rounds, b.rounds) : NaN;
  return Number.isNaN(r) ? a.ms! / b.ms! : r;
}

function printWorkloadTables(workloads: Workload[], engines: Engine[], cells: Cell[]): void {
  const get = (w: string, e: EngineId) => cells.find((c) => c.workload === w && c.engine === e);
  const ids = engines.map((e) => e.id);
  const specs: Array<{ label: string; num: EngineId; den: EngineId }> = [
    { label: 'core/V8', num: 'core', den: 'v8' },
    { label: 'core/QJS', num: 'core', den: 'quickjs' },
    { label: 'Mustard/core', num: 'mustard', den: 'core' },
  ];
  const ratios = specs.filter((r) => ids.includes(r.num) && ids.includes(r.den));

  const header = ['workload (median ms)', ...engines.map((e) => e.label), ...ratios.map((r) => r.label)];
  const rows = workloads.map((w) => [
    w.name,
    ...engines.map((e) => cellText(get(w.name, e.id))),
    ...ratios.map((r) => fmtRatio(ratio(get(w.name, r.num), get(w.name, r.den)))),
  ]);
  // geometric means: each ratio over the workloads where both engines ran; the ms columns
  // over the workloads where every engine ran (otherwise they would not be comparable).
  const allOk = workloads.filter((w) => ids.every((id) => get(w.name, id)?.status === 'ok'));
  const gmRow = [
    `geomean (${allOk.length} all-ok)`,
    ...engines.map((e) => (allOk.length ? fmtMs(geomean(allOk.map((w) => get(w.name, e.id)!.ms!))) : '—')),
    ...ratios.map((r) => {
      const xs = workloads.map((w) => ratio(get(w.name, r.num), get(w.name, r.den))).filter(Number.isFinite);
      return xs.length ? `${fmtRatio(geomean(xs))} (${xs.length})` : '—';
    }),
  ];
  rows.push(gmRow);
  print(table(header, rows, [rows.length - 1]));
  print(`(n) after a time: only n rounds fitted in the workload's budget. Ratios: median of the per-round ratios; geomeans: (n) = workloads where both engines ran.`);

  const notes = cells.filter((c) => c.status !== 'ok');
  if (notes.length) {
    print();
    print('Cells without a time:');
    for (const c of notes) {
      const label = engines.find((e) => e.id === c.engine)!.label;
      print(`  ${CELL_TAG[c.status as Exclude<Status, 'ok'>].padEnd(11)} ${label.padEnd(7)} ${c.workload}: ${c.reason}`);
    }
  }

  if (ids.includes('core')) {
    print();
    print('core instruction counts');
    const coreRows = workloads.map((w) => {
      const c = get(w.name, 'core');
      if (c?.status !== 'ok' || c.instructions === undefined) return [w.name, '—', '—', '—'];
      return [w.name, fmtCount(c.instructions), fmtMs(c.ms!), (c.instructions / c.ms! / 1000).toFixed(1)];
    });
    print(table(['workload', 'instructions', 'median ms', 'M instr/s'], coreRows));
    print('M instr/s = instructions / median time of the whole runSync (parse, compile and realm setup included).');
  }
}

function printHeader(engines: Engine[], core: { buildMs: number; bytes: number } | null): void {
  const load = os.loadavg();
  const cpus = os.cpus();
  print(`Capsule bench  ${new Date().toISOString()}`);
  print(`machine: ${cpus.length} x ${cpus[0]?.model ?? '?'}, load average ${load.map((l) => l.toFixed(2)).join(' ')}`);
  if (load[0] > cpus.length * 0.75) {
    print(`WARNING: the machine is busy (1-min load ${load[0].toFixed(1)} on ${cpus.length} cores): timings are inflated and noisy.`);
  }
  print(`node ${process.version}${gc ? ', --expose-gc (a full GC runs before each cell, before its warm-up)' : ', no --expose-gc'}`);
  print('engines:');
  for (const e of engines) print(`  ${e.label.padEnd(8)} ${e.version}${e.unavailable ? `  UNAVAILABLE: ${e.unavailable}` : ''}`);
  if (core) print(`  (core bundle built in ${core.buildMs.toFixed(0)} ms, ${(core.bytes / 1024).toFixed(0)} KiB)`);
  print(
    Number.isFinite(config.budgetMs)
      ? `method: per engine ${Math.max(config.warmup, 1)} warm-up runs (more, up to ${MAX_WARMUP}, until a run is within 10% of the best before it or 2/3 of its ${config.budgetMs} ms budget is spent), then up to ${config.iterations} rounds of one timed run per engine (order rotated each round), each engine within what its warm-up left of its ${config.budgetMs} ms, at least half (a slow engine makes fewer rounds); times are medians, ratios the median of the per-round ratios; run timeout ${config.timeoutMs} ms`
      : `method: per engine ${Math.max(config.warmup, 1)} warm-up runs, then ${config.iterations} rounds of one timed run per engine (order rotated each round), no budget; times are medians, ratios the median of the per-round ratios; run timeout ${config.timeoutMs} ms`,
  );
  print(
    config.clock === 'cpu'
      ? 'clock: process CPU time (BENCH_CLOCK=cpu): user+system time of all threads of this process'
      : 'clock: wall time, performance.now() (BENCH_CLOCK=cpu measures process CPU time instead)',
  );
  print(`CPU check: fib(25) in plain JS ${cpuCheck().toFixed(2)} ms (printed again beside the host rows: the machine's speed drifts)`);
  print();
}

// ---------------------------------------------------------------------------------------
// sections

function runWorkloads(workloads: Workload[], engines: Engine[]): Cell[] {
  const cells: Cell[] = [];
  for (const w of workloads) {
    const measured = measureWorkload(w, engines);
    cells.push(...measured);
    process.stderr.write(`  ${w.name}: ${measured.map((c) => `${c.engine} ${cellText(c)}`).join(', ')}\n`);
  }
  return cells;
}

function runTrivial(engines: Engine[]): Array<{ engine: string; us?: number; minUs?: number; n?: number; reason?: string; note: string }> {
  print('Trivial compile+run of `1+1` (µs per call; measures per-run setup: parse, compile, VM and realm creation)');
  const results = [];
  for (const e of engines) {
    try {
      if (e.unavailable) throw new Error(e.unavailable);
      const v = e.trivial('1+1');
      if (canonical(v) !== '2') throw new Error(`returned ${canonical(v)}, expected 2`);
      // warmed up by time as the host rows are (50 calls left core's compiler pipeline half
      // optimized: 24-39 µs per call against 10-13 µs once V8 has compiled it)
      const { ms, minMs, n } = repeat(() => e.trivial('1+1'), { warmup: 50, warmupMs: 500, max: 2000, budgetMs: 1500 });
      results.push({ engine: e.label, us: ms * 1000, minUs: minMs * 1000, n, note: e.trivialNote });
    } catch (error) {
      results.push({ engine: e.label, reason: errorText(error), note: e.trivialNote });
    }
  }
  const coreUs = results.find((r) => r.engine === 'core')?.us;
  print(
    table(
      ['engine', 'median µs', 'min µs', 'calls', 'core/engine', 'what one call does'],
      results.map((r) => [
        r.engine,
        r.us === undefined ? `failed: ${r.reason}` : r.us.toFixed(1),
        r.minUs === undefined ? '' : r.minUs.toFixed(1),
        String(r.n ?? ''),
        r.us !== undefined && coreUs !== undefined ? fmtRatio(coreUs / r.us) : '—',
        r.note,
      ]),
    ),
  );
  print('(no GC is forced between calls here: collecting the garbage of discarded realms is part of the cost)');
  print();
  return results;
}

interface PhaseRow {
  phase: string;
  ms?: number;
  minMs?: number;
  n?: number;
  reason?: string;
}

function runPhases(core: CoreModule, workloads: Workload[]): PhaseRow[] {
  const w = workloads.find((x) => x.name === config.phaseWorkload);
  print(`core per-phase breakdown: ${config.phaseWorkload} (ms per phase)`);
  if (!w) {
    print(`  no workload named ${config.phaseWorkload} (BENCH_PHASE_WORKLOAD)`);
    print();
    return [];
  }
  const src = w.source;
  const small = { warmup: 5, max: 50, budgetMs: 2000 };
  const large = { warmup: 1, max: 7, budgetMs: 3000 };
  const parts: PhaseRow[] = [];
  const extra: PhaseRow[] = [];
  const measure = (into: PhaseRow[], phase: string, fn: () => Measured) => {
    try {
      into.push({ phase, ...fn() });
    } catch (error) {
      into.push({ phase, reason: errorText(error) });
    }
  };
  // stages that consume an AST get a fresh one per call (untimed), in case a stage annotates it
  const freshAst = () => core.parseProgram(src);
  measure(parts, 'parse (meriyah)', () => repeat(freshAst, small));
  measure(parts, 'validate', () =>
    repeatWithSetup(freshAst, (ast) => {
      const errors = core.validate(ast, src).filter((d) => d.severity === 'error');
      if (errors.length) throw new Error(core.formatDiagnostic(`${w.name}.js`, errors[0]));
    }, small),
  );
  measure(parts, 'compile (bytecode)', () => repeatWithSetup(freshAst, (ast) => core.compileProgram(ast, src), small));
  measure(parts, 'realm creation (createVM)', () => repeat(() => core.createVM({ limits: CORE_LIMITS, seed: 1 }), small));
  let compiled: ReturnType<typeof core.compile> | null = null;
  try {
    compiled = core.compile(src);
  } catch (error) {
    parts.push({ phase: 'run', reason: `compile failed: ${errorText(error)}` });
  }
  if (compiled) {
    const program = compiled;
    measure(extra, 'runSync(compiled program)', () => repeat(() => core.runSync(program, { limits: CORE_LIMITS, seed: 1 }), large));
    const realm = parts.find((r) => r.phase.startsWith('realm'));
    const whole = extra[0];
    if (whole.ms !== undefined && realm?.ms !== undefined) {
      parts.push({ phase: 'run (runSync(compiled) - realm)', ms: Math.max(0, whole.ms - realm.ms), n: whole.n });
    } else {
      parts.push({ phase: 'run', reason: whole.reason ?? 'realm creation failed' });
    }
    measure(extra, 'runSync(source), measured', () => repeat(() => core.runSync(src, { limits: CORE_LIMITS, seed: 1 }), large));
  }
  const ok = parts.every((r) => r.ms !== undefined);
  const total = ok ? sum(parts.map((r) => r.ms!)) : NaN;
  const row = (r: PhaseRow, share: boolean) => [
    r.phase,
    r.ms === undefined ? `failed: ${truncate(r.reason ?? '', 100)}` : fmtMs(r.ms),
    r.minMs === undefined ? '' : fmtMs(r.minMs),
    String(r.n ?? ''),
    share && r.ms !== undefined && ok ? `${((100 * r.ms) / total).toFixed(1)}%` : '',
  ];
  const rows = parts.map((r) => row(r, true));
  if (ok) rows.push(['sum of the phases', fmtMs(total), '', '', '100%']);
  for (const r of extra) rows.push(row(r, false));
  print(table(['phase', 'median ms', 'min ms', 'runs', 'share'], rows, ok ? [parts.length] : []));
  print(`(source: ${src.length} chars; "run" is derived; the last two rows are measured whole for reference)`);
  print();
  return [...parts, ...extra];
}

// ---------------------------------------------------------------------------------------
// main

async function main(): Promise<void> {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let workloads = loadWorkloads();
  if (config.filter) workloads = workloads.filter((w) => config.filter!.some((f) => w.name.includes(f)));
  if (!workloads.length && config.sections.includes('workloads')) {
    console.error(`bench: no workload matches BENCH_FILTER=${config.filter?.join(',')}`);
    process.exit(2);
  }

  let core: CoreModule | null = null;
  let coreBuild: { buildMs: number; bytes: number } | null = null;
  const engines: Engine[] = [];
  for (const id of ENGINE_ORDER) {
    if (!wantEngine(id)) continue;
    if (id === 'core') {
      try {
        const built = await loadBundledCore();
        core = built.core;
        coreBuild = built;
        engines.push(coreEngine(core, 'esbuild bundle, const enums inlined'));
      } catch (error) {
        engines.push(unavailableEngine('core', 'core', 'Capsule core', `the core bundle failed to build or load: ${errorText(error)}`));
      }
    } else if (id === 'v8') engines.push(v8Engine());
    else if (id === 'quickjs') engines.push(await quickjsEngine(config.timeoutMs));
    else engines.push(mustardEngine(config.timeoutMs));
  }

  printHeader(engines, coreBuild);
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    loadavg: os.loadavg(),
    config,
    engines: engines.map((e) => ({ id: e.id, version: e.version, unavailable: e.unavailable })),
  };

  if (config.sections.includes('workloads')) {
    const cells = runWorkloads(workloads, engines);
    printWorkloadTables(workloads, engines, cells);
    print();
    report.cells = cells;
  }
  if (config.sections.includes('trivial')) report.trivial = runTrivial(engines);
  if (config.sections.includes('phases')) {
    if (core) report.phases = runPhases(core, loadWorkloads());
    else print(`core per-phase breakdown: skipped (${wantEngine('core') ? 'core unavailable' : 'core not selected'})\n`);
  }
  if (core && (config.sections.includes('host') || config.sections.includes('sidecar') || config.sections.includes('debugger'))) {
    const rows: HostRow[] = [];
    const runs = Math.max(3, Math.min(config.iterations, 15));
    const checkBefore = cpuCheck();
    try {
      if (config.sections.includes('host')) {
        // a full GC before each row, as before each workload cell: the garbage of the sections
        // before must not be collected inside these rows' timings
        gc?.();
        rows.push(...(await hostCalls(core, runs)));
        gc?.();
        rows.push(...durableStep(core, runs, clock));
      }
      if (config.sections.includes('debugger')) {
        const w = loadWorkloads().find((x) => x.name === 'closures');
        if (w) rows.push(...debuggerBench(core, runs, { name: w.name, source: w.source }));
      }
      if (config.sections.includes('sidecar')) {
        const w = loadWorkloads().find((x) => x.name === 'closures') ?? null;
        rows.push(...(await sidecar(core, runs, w ? { name: w.name, source: w.source } : null)));
      }
    } catch (error) {
      print(`host sections failed: ${errorText(error)}`);
    }
    print(`Host calls, durable steps and the sidecar (medians; Mustard where it has the feature); CPU check before ${checkBefore.toFixed(2)} ms, after ${cpuCheck().toFixed(2)} ms`);
    print(hostTable(rows));
    print();
    report.host = rows;
  }
  if (config.sections.includes('ui')) {
    try {
      const rows = await runUiBench((line) => print(line));
      print(`UI thread: the studio in Chromium (longest blocking per scenario; bound ${UI_BOUND_MS} ms)`);
      print(uiTable(rows));
      print();
      report.ui = rows;
    } catch (error) {
      print(`ui section failed: ${errorText(error)}\n`);
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  const wall = (performance.now() - started) / 1000;
  const cpuS = (cpu.user + cpu.system) / 1e6;
  print(
    `total bench time ${wall.toFixed(1)} s wall, ${cpuS.toFixed(1)} s process CPU (${((100 * cpuS) / wall).toFixed(0)}%); load average now ${os.loadavg()[0].toFixed(2)}`,
  );

  for (const e of engines) e.close();
  if (config.json) {
    writeFileSync(config.json, `${JSON.stringify({ ...report, text: out.join('\n') }, null, 2)}\n`);
    console.log(`results written to ${config.json}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
