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
 *
 * The last line printed is exactly `fuzz: N programs, F host faults`.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
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
}

interface WorkerInput {
  args: Args;
  slot: number;
  /** First index this worker runs; it then steps by args.workers. */
  start: number;
  deadline: number | null;
  /** [index, heartbeat, done, phase] per slot (phase 2: the V8 oracle is running). */
  shared: SharedArrayBuffer;
}

type WorkerMessage = { type: 'ready' } | { type: 'fault'; index: number; kind: string; file: string } | { type: 'finished' } | { type: 'recycle'; next: number };

/**
 * Cases a worker runs before a fresh one takes over: node:vm contexts (the V8 oracle) are
 * collected late, and a worker's heap creeping up for hours must not become a process-wide OOM.
 */
const RECYCLE_EVERY = Number(process.env.CAPSULE_FUZZ_RECYCLE ?? 2000);

function parseArgs(argv: string[]): Args {
  const args: Args = { count: 1000, seed: 1, from: 0, minutes: null, out: path.join(ROOT, 'test-output/fuzz'), workers: 1, core: path.join(ROOT, 'out/core/index.mjs'), v8: true, plant: null };
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
    else throw new Error(`unknown option ${a}`);
  }
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
    onPhase: (phase) => Atomics.store(shared, slot * 4 + 3, phase === 'v8' ? 2 : 1),
  };
  const beat = () => Atomics.add(shared, slot * 4 + 1, 1);
  const end = args.from + args.count;
  let ran = 0;
  for (let i = input.start; i < end; i += args.workers) {
    if (deadline !== null && Date.now() > deadline) break;
    if (ran++ === RECYCLE_EVERY) {
      parentPort!.postMessage({ type: 'recycle', next: i } satisfies WorkerMessage);
      return;
    }
    Atomics.store(shared, slot * 4, i);
    beat();
    const c = caseFor(args.seed, i);
    const fault = await checkCase(core, c, options);
    if (fault) {
      const file = await reproduce(core, c, fault, args.out, options, beat);
      parentPort!.postMessage({ type: 'fault', index: i, kind: fault.kind, file } satisfies WorkerMessage);
    }
    Atomics.add(shared, slot * 4 + 2, 1);
  }
  parentPort!.postMessage({ type: 'finished' } satisfies WorkerMessage);
}

// ---------------------------------------------------------------------------------------------
// Supervisor.

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const deadline = args.minutes !== null ? started + args.minutes * 60_000 : null;
  const shared = new SharedArrayBuffer(4 * 4 * args.workers);
  const view = new Int32Array(shared);
  let faults = 0;
  let oracleHangs = 0;
  let lastReport = started;
  const total = () => Array.from({ length: args.workers }, (_, w) => Atomics.load(view, w * 4 + 2)).reduce((a, b) => a + b, 0);

  const runSlot = (slot: number, start: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const end = args.from + args.count;
      if (start >= end || (deadline !== null && Date.now() > deadline)) return resolve();
      Atomics.store(view, slot * 4, start);
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
        const b = Atomics.load(view, slot * 4 + 1);
        if (b !== lastBeat) {
          lastBeat = b;
          lastMove = Date.now();
          cpuAtMove = cpuMs();
        } else if (Date.now() - lastMove > HANG_MS && cpuMs() - cpuAtMove > HANG_MS / 2 && failure === null) {
          // stuck for HANG_MS of wall time *and* the process burnt at least half that in CPU:
          // a worker starved by a busy machine (the fuzzer runs niced) is not a hang
          failure = Atomics.load(view, slot * 4 + 3) === 2 ? 'oracle' : `hang: no progress for ${HANG_MS} ms`;
          void worker.terminate();
        }
      }, 250);
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'fault') {
          faults++;
          console.log(`fault: case ${m.index}: ${m.kind} -> ${path.relative(process.cwd(), m.file)}`);
        } else if (m.type === 'ready') ready = true;
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
        const index = Atomics.load(view, slot * 4);
        const c = caseFor(args.seed, index);
        if (failure === 'oracle') {
          // V8 (the oracle) did not finish a program core answered: not a fault of core
          oracleHangs++;
          Atomics.add(view, slot * 4 + 2, 1);
          console.log(`skipped: case ${index}: V8 did not finish within ${HANG_MS} ms (core answered it)`);
          runSlot(slot, index + args.workers).then(resolve, reject);
          return;
        }
        const kind = (failure ?? `crash: worker exited with code ${code}`).split(':')[0];
        const file = saveFault(args.out, c, { kind: `worker-${kind}`, detail: failure ?? `worker exited with code ${code}` }, c.source);
        faults++;
        Atomics.add(view, slot * 4 + 2, 1);
        console.log(`fault: case ${index}: worker-${kind} -> ${path.relative(process.cwd(), file)}`);
        runSlot(slot, index + args.workers).then(resolve, reject);
      });
    });

  const reporter = setInterval(() => {
    const now = Date.now();
    if (now - lastReport < 60_000) return;
    lastReport = now;
    const n = total();
    console.log(`progress: ${n} programs, ${faults} faults, ${(n / ((now - started) / 1000)).toFixed(1)}/s`);
  }, 5_000);
  await Promise.all(Array.from({ length: args.workers }, (_, w) => runSlot(w, args.from + w)));
  clearInterval(reporter);
  const n = total();
  console.log(`elapsed: ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${args.seed}, ${(n / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1)} programs/s${oracleHangs ? `, ${oracleHangs} skipped (V8 did not finish)` : ''}`);
  console.log(`fuzz: ${n} programs, ${faults} host faults`);
  return faults === 0 ? 0 : 1;
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
