/**
 * The fuzzer's command line (`npm run fuzz -- --count N --seed S [--minutes M] [--out DIR]`).
 *
 * Cases run in worker threads; the main thread only supervises. Each worker publishes the
 * index it is on and a heartbeat in shared memory, so a case that hangs the host (a bug core's
 * instruction and time budgets did not catch) or kills the worker (host stack or heap
 * exhausted) is recorded as a fault of that case and a fresh worker continues after it: a
 * hung program never hangs the fuzzer.
 *
 * Options:
 *   --count N      cases to run (default 1000; with --minutes, the upper bound)
 *   --seed S       run seed (default 1); case i of seed S is always the same program
 *   --from I       first case index (default 0): `--from I --count 1` reruns one case
 *   --minutes M    stop after M minutes (the cases started by then finish)
 *   --out DIR      where reproducers go (default test-output/fuzz)
 *   --workers W    worker threads (default 1)
 *   --core FILE    core module (default out/core/index.mjs, built by the npm script)
 *   --no-v8        skip the V8 comparison
 *   --plant RE     test hook: programs matching RE raise a host TypeError (a planted fault)
 *   --state FILE   make the run resumable: its progress is written to FILE (every 30 s, at the
 *                  end, and on SIGINT/SIGTERM); run the same command again to continue it
 *   --part N       with --state: run at most N more cases in this invocation
 *
 * The last line printed is exactly `fuzz: N programs, F host faults`; with --state, N and F
 * count the whole run so far, over all its parts.
 *
 * A resumed run continues exactly where its state file says: each slot's next case, so every
 * case of the run is checked once. It refuses to continue under a different core bundle, commit,
 * seed, range or worker count: a run's figure is for one version of the code.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { caseFor, checkCase, reproduce, saveFault, type Core, type CheckOptions } from './engine';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** A worker whose heartbeat does not move for this long is stuck in host code. */
const HANG_MS = Number(process.env.CAPSULE_FUZZ_HANG_MS ?? 60_000);

/** CPU time of the whole process (all threads), ms. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Args {
  count: number;
  seed: number;
  from: number;
  minutes: number | null;
  out: string;
  workers: number;
  core: string;
  v8: boolean;
  plant: string | null;
  state: string | null;
  part: number | null;
}

/** Int32 cells per worker slot in the shared buffer: [index, heartbeat, done, phase, faults]. */
const SLOT = 5;
const INDEX = 0;
const BEAT = 1;
const DONE = 2;
const PHASE = 3;
const FAULTS = 4;

interface WorkerInput {
  args: Args;
  slot: number;
  /** First index this worker runs; it then steps by args.workers. */
  start: number;
  deadline: number | null;
  /** {@link SLOT} cells per slot (phase 2: the V8 oracle is running), then the count of cases
   * this invocation has claimed (for --part). */
  shared: SharedArrayBuffer;
}

type WorkerMessage = { type: 'ready' } | { type: 'fault'; index: number; kind: string; file: string } | { type: 'finished' } | { type: 'recycle'; next: number };

/**
 * Cases a worker runs before a fresh one takes over: node:vm contexts (the V8 oracle) are
 * collected late, and a worker's heap creeping up for hours must not become a process-wide OOM.
 */
const RECYCLE_EVERY = Number(process.env.CAPSULE_FUZZ_RECYCLE ?? 2000);

function parseArgs(argv: string[]): Args {
  const args: Args = { count: 1000, seed: 1, from: 0, minutes: null, out: path.join(ROOT, 'test-output/fuzz'), workers: 1, core: path.join(ROOT, 'out/core/index.mjs'), v8: true, plant: null, state: null, part: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const int = (): number => {
      const v = Number(next());
      if (!Number.isSafeInteger(v) || v < 0) throw new Error(`${a} needs a non-negative integer`);
      return v;
    };
    if (a === '--count') args.count = int();
    else if (a === '--seed') args.seed = int();
    else if (a === '--from') args.from = int();
    else if (a === '--minutes') args.minutes = Number(next());
    else if (a === '--out') args.out = path.resolve(next());
    else if (a === '--workers') args.workers = Math.max(1, int());
    else if (a === '--core') args.core = path.resolve(next());
    else if (a === '--no-v8') args.v8 = false;
    else if (a === '--plant') args.plant = next();
    else if (a === '--state') args.state = path.resolve(next());
    else if (a === '--part') args.part = int();
    else throw new Error(`unknown option ${a}`);
  }
  if (args.part !== null && args.state === null) throw new Error('--part needs --state (the rest of the run is resumed from it)');
  return args;
}

// ---------------------------------------------------------------------------------------------
// Worker side.

async function workerMain(input: WorkerInput): Promise<void> {
  const { args, slot, deadline } = input;
  const shared = new Int32Array(input.shared);
  const core = (await import(pathToFileURL(args.core).href)) as Core;
  parentPort!.postMessage({ type: 'ready' } satisfies WorkerMessage);
  const options: CheckOptions = {
    v8: args.v8,
    ...(args.plant ? { plant: new RegExp(args.plant) } : {}),
    onPhase: (phase) => Atomics.store(shared, slot * SLOT + PHASE, phase === 'v8' ? 2 : 1),
  };
  const beat = () => Atomics.add(shared, slot * SLOT + BEAT, 1);
  const claimed = args.workers * SLOT;
  const end = args.from + args.count;
  let ran = 0;
  for (let i = input.start; i < end; i += args.workers) {
    if (deadline !== null && Date.now() > deadline) break;
    if (ran++ === RECYCLE_EVERY) {
      parentPort!.postMessage({ type: 'recycle', next: i } satisfies WorkerMessage);
      return;
    }
    // --part: each case is a ticket, so the invocation runs exactly N cases whoever takes them
    if (args.part !== null && Atomics.add(shared, claimed, 1) >= args.part) break;
    Atomics.store(shared, slot * SLOT + INDEX, i);
    beat();
    const c = caseFor(args.seed, i);
    const fault = await checkCase(core, c, options);
    if (fault) {
      const file = await reproduce(core, c, fault, args.out, options, beat);
      // counted before the case is marked done: a state written in between must not lose it
      Atomics.add(shared, slot * SLOT + FAULTS, 1);
      parentPort!.postMessage({ type: 'fault', index: i, kind: fault.kind, file } satisfies WorkerMessage);
    }
    Atomics.add(shared, slot * SLOT + DONE, 1);
  }
  parentPort!.postMessage({ type: 'finished' } satisfies WorkerMessage);
}

// ---------------------------------------------------------------------------------------------
// Supervisor.

/** A resumable run's progress (the --state file). */
interface RunState {
  format: 1;
  seed: number;
  from: number;
  count: number;
  workers: number;
  /** SHA-256 of the core bundle the run checks. */
  core: string;
  /** The checkout's commit (with `+dirty` if it had changes), when it is a git checkout. */
  commit: string | null;
  /** Per slot: the first case index it has not run yet. */
  next: number[];
  programs: number;
  faults: number;
  skipped: number;
  elapsedMs: number;
  /** Invocations that have worked on the run. */
  parts: number;
  /** False in the saves a part makes while it runs: a state left so means that part died. */
  ended?: boolean;
}

function commitOf(dir: string): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return null;
  }
}

/** The state to start from: a fresh run, or the one in args.state (checked against this invocation). */
function initialState(args: Args): RunState {
  const fresh: RunState = {
    format: 1,
    seed: args.seed,
    from: args.from,
    count: args.count,
    workers: args.workers,
    core: createHash('sha256').update(readFileSync(args.core)).digest('hex'),
    commit: commitOf(ROOT),
    next: Array.from({ length: args.workers }, (_, w) => args.from + w),
    programs: 0,
    faults: 0,
    skipped: 0,
    elapsedMs: 0,
    parts: 0,
  };
  if (args.state === null || !existsSync(args.state)) return fresh;
  let saved: RunState;
  try {
    saved = JSON.parse(readFileSync(args.state, 'utf8')) as RunState;
  } catch (e) {
    throw new Error(`${args.state}: not a fuzz state file (${(e as Error).message})`);
  }
  if (saved.format !== 1 || !Array.isArray(saved.next)) throw new Error(`${args.state}: not a fuzz state file (format ${String(saved.format)})`);
  for (const key of ['seed', 'from', 'count', 'workers', 'core', 'commit'] as const) {
    if (saved[key] !== fresh[key]) {
      throw new Error(`${args.state}: the run was started with ${key} ${String(saved[key])}, this invocation has ${String(fresh[key])}; resume it with the same options and code, or start a new run with another state file`);
    }
  }
  return saved;
}

function writeState(file: string, state: RunState): void {
  // temp file + rename: a crash while writing leaves the previous state intact
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, file);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const base = initialState(args);
  const started = Date.now();
  const deadline = args.minutes !== null ? started + args.minutes * 60_000 : null;
  const shared = new SharedArrayBuffer(4 * (SLOT * args.workers + 1));
  const view = new Int32Array(shared);
  let oracleHangs = 0;
  let lastReport = started;
  const sum = (cell: number) => Array.from({ length: args.workers }, (_, w) => Atomics.load(view, w * SLOT + cell)).reduce((a, b) => a + b, 0);
  // done before faults: a case's fault is counted before it is marked done
  const current = (ended = false): RunState => {
    const done = Array.from({ length: args.workers }, (_, w) => Atomics.load(view, w * SLOT + DONE));
    const programs = done.reduce((a, b) => a + b, 0);
    return {
      ...base,
      next: base.next.map((n, w) => n + done[w] * args.workers),
      programs: base.programs + programs,
      faults: base.faults + sum(FAULTS),
      skipped: base.skipped + oracleHangs,
      elapsedMs: base.elapsedMs + (Date.now() - started),
      parts: base.parts + 1,
      ended,
    };
  };
  if (args.state !== null && base.parts > 0) {
    console.log(`resumed: seed ${base.seed}, ${base.programs} programs and ${base.faults} faults in ${base.parts} earlier part${base.parts === 1 ? '' : 's'}`);
    if (base.ended === false) {
      // e.g. a fatal out-of-memory in a worker thread, which takes the whole process down
      console.log(`warning: the last part died without saving its end; its last save (at most 30 s before) had next cases ${base.next.join(', ')} — if this part dies there too, check them one at a time (--from I --count 1 --workers 1, without --state)`);
    }
  }
  const save = (ended = false) => {
    if (args.state !== null) writeState(args.state, current(ended));
  };
  const stop = (signal: string) => {
    save(true);
    const s = current();
    console.log(`stopped by ${signal}: ${s.programs} programs, ${s.faults} faults so far; run the same command to continue`);
    process.exit(130);
  };
  if (args.state !== null) {
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  }

  const runSlot = (slot: number, start: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const end = args.from + args.count;
      if (start >= end || (deadline !== null && Date.now() > deadline)) return resolve();
      Atomics.store(view, slot * SLOT + INDEX, start);
      const worker = new Worker(path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.mjs'), {
        workerData: { args, slot, start, deadline, shared } satisfies WorkerInput,
        execArgv: [],
        resourceLimits: { maxOldGenerationSizeMb: 1024, stackSizeMb: 4 },
        stdout: false,
        stderr: false,
      });
      let finished = false;
      let ready = false;
      let failure: string | null = null;
      let recycleAt = -1;
      let lastBeat = -1;
      let lastMove = Date.now();
      let cpuAtMove = cpuMs();
      const timer = setInterval(() => {
        const b = Atomics.load(view, slot * SLOT + BEAT);
        if (b !== lastBeat) {
          lastBeat = b;
          lastMove = Date.now();
          cpuAtMove = cpuMs();
        } else if (Date.now() - lastMove > HANG_MS && cpuMs() - cpuAtMove > HANG_MS / 2 && failure === null) {
          // stuck for HANG_MS of wall time *and* the process burnt at least half that in CPU:
          // a worker starved by a busy machine (the fuzzer runs niced) is not a hang
          failure = Atomics.load(view, slot * SLOT + PHASE) === 2 ? 'oracle' : `hang: no progress for ${HANG_MS} ms`;
          void worker.terminate();
        }
      }, 250);
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'fault') console.log(`fault: case ${m.index}: ${m.kind} -> ${path.relative(process.cwd(), m.file)}`);
        else if (m.type === 'ready') ready = true;
        else if (m.type === 'recycle') recycleAt = m.next;
        else finished = true;
      });
      worker.on('error', (e) => {
        failure ??= `crash: ${(e as Error).name}: ${(e as Error).message}`;
      });
      worker.on('exit', (code) => {
        clearInterval(timer);
        if (finished && failure === null) return resolve();
        if (recycleAt >= 0 && failure === null) {
          runSlot(slot, recycleAt).then(resolve, reject);
          return;
        }
        if (!ready && failure !== null && !failure.startsWith('hang')) {
          // the worker could not even load core: not a fault of any case
          reject(new Error(`fuzz worker failed to start: ${failure}`));
          return;
        }
        // the case the worker was on hung or killed it: record it, continue after it
        const index = Atomics.load(view, slot * SLOT + INDEX);
        const c = caseFor(args.seed, index);
        if (failure === 'oracle') {
          // V8 (the oracle) did not finish a program core answered: not a fault of core
          oracleHangs++;
          Atomics.add(view, slot * SLOT + DONE, 1);
          console.log(`skipped: case ${index}: V8 did not finish within ${HANG_MS} ms (core answered it)`);
          runSlot(slot, index + args.workers).then(resolve, reject);
          return;
        }
        const kind = (failure ?? `crash: worker exited with code ${code}`).split(':')[0];
        const file = saveFault(args.out, c, { kind: `worker-${kind}`, detail: failure ?? `worker exited with code ${code}` }, c.source);
        Atomics.add(view, slot * SLOT + FAULTS, 1);
        Atomics.add(view, slot * SLOT + DONE, 1);
        console.log(`fault: case ${index}: worker-${kind} -> ${path.relative(process.cwd(), file)}`);
        runSlot(slot, index + args.workers).then(resolve, reject);
      });
    });

  let lastSave = started;
  const reporter = setInterval(() => {
    const now = Date.now();
    if (args.state !== null && now - lastSave >= 30_000) {
      lastSave = now;
      save();
    }
    if (now - lastReport < 60_000) return;
    lastReport = now;
    const s = current();
    console.log(`progress: ${s.programs} programs, ${s.faults} faults, ${(sum(DONE) / ((now - started) / 1000)).toFixed(1)}/s`);
  }, 5_000);
  await Promise.all(base.next.map((start, w) => runSlot(w, start)));
  clearInterval(reporter);
  save(true);
  const s = current();
  const seconds = (Date.now() - started) / 1000;
  const parts = args.state !== null && s.parts > 1 ? ` (this part; ${(s.elapsedMs / 1000).toFixed(1)} s over ${s.parts} parts)` : '';
  const end = args.from + args.count;
  const left = s.next.reduce((a, n) => a + Math.max(0, Math.ceil((end - n) / args.workers)), 0);
  if (args.state !== null && left > 0) console.log(`paused: ${left} cases of the run left; run the same command to continue`);
  console.log(`elapsed: ${seconds.toFixed(1)} s${parts}, seed ${args.seed}, ${(sum(DONE) / Math.max(0.001, seconds)).toFixed(1)} programs/s${s.skipped ? `, ${s.skipped} skipped (V8 did not finish)` : ''}`);
  console.log(`fuzz: ${s.programs} programs, ${s.faults} host faults`);
  return s.faults === 0 ? 0 : 1;
}

if (isMainThread) {
  main().then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 2;
    },
  );
} else {
  void workerMain(workerData as WorkerInput);
}
