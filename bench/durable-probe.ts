/**
 * `node --expose-gc --import tsx bench/durable-probe.ts`: the durable step (bench/host.ts)
 * measured in one process so that variants can be compared on a busy machine. Nothing is
 * asserted. Runs alternate between the variants (the order rotated each round), so load
 * changes hit them alike; each step is timed in process CPU time (`process.cpuUsage`, all
 * threads: GC helpers included) and wall time, with its phases, and the GC time that fell
 * inside the timed windows (PerformanceObserver 'gc' entries).
 *
 * Two uses:
 *  - `PROBE_BUNDLES=a.mjs,b.mjs`: core bundles (e.g. bench/.build/core.mjs of two commits,
 *    copied aside) compared step by step, with each one's ratio to the first;
 *  - otherwise the current sources' bundle (bench/build-core.ts): `bench` (the bench's step),
 *    `reference` (a control: JSON.parse + JSON.stringify of the same 5 000 objects as JSON text,
 *    V8's builtins only — its "snapshot" column is the stringify, "restore" the parse), and with PROBE_GC `gc first` (a full GC just before the step, untimed); then the host-calls bench runs
 *    (as `BENCH_SECTIONS=host` does before the durable step) and both are measured again, and
 *    with PROBE_WORKLOADS the workloads run through core 3 times each and both are measured
 *    again; with PROBE_BENCH the bench's own durableStep() runs in this process too. PROBE_ENGINES
 *    (e.g. `v8,quickjs,mustard`) first creates the engines run.ts creates before any section.
 *
 * PROBE_RUNS: rounds per stage (default 61).
 */
import os from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadBundledCore, type CoreModule } from './build-core';
import { DURABLE_SOURCE, durableStep, hostCalls, hostTable } from './host';
import { median } from './stats';

type Api = {
  compile(source: string, options: unknown): unknown;
  start(program: unknown, options: unknown): { outcome: { status: string; calls?: { id: number }[] } };
  snapshot(exec: unknown, key: string): Uint8Array;
  restore(program: unknown, bytes: Uint8Array, options: unknown): { resume(a: unknown[]): { status: string; value?: unknown } };
};

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const gcSpans: [number, number][] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcSpans.push([e.startTime, e.startTime + e.duration]);
}).observe({ entryTypes: ['gc'] });

interface Sample {
  cpu: number;
  wall: number;
  snap: number;
  rest: number;
  res: number;
  start: number;
  end: number;
  size: number;
}

type Step = () => Sample;

function stepper(core: Api, fullGcFirst = false): Step {
  const key = 'bench-key-0123456789abcdef';
  const program = core.compile(DURABLE_SOURCE, { globals: ['get'], capabilities: ['get'] });
  const caps = [{ name: 'get' }];
  const g = (globalThis as { gc?: () => void }).gc;
  return () => {
    const ex = core.start(program, { capabilities: caps });
    const o = ex.outcome;
    if (o.status !== 'suspended' || !o.calls) throw new Error('expected a suspension');
    if (fullGcFirst && g) g();
    const c0 = cpu();
    const t0 = performance.now();
    const bytes = core.snapshot(ex, key);
    const c1 = cpu();
    const t1 = performance.now();
    const ex2 = core.restore(program, bytes, { capabilities: caps, key });
    const c2 = cpu();
    const r = ex2.resume([{ id: o.calls[0].id, value: 1 }]);
    const t2 = performance.now();
    const c3 = cpu();
    if (r.value !== 5001) throw new Error(`durable step: got ${String(r.value)}`);
    return { cpu: c3 - c0, wall: t2 - t0, snap: c1 - c0, rest: c2 - c1, res: c3 - c2, start: t0, end: t2, size: bytes.length };
  };
}

/**
 * A control with the step's memory profile that runs only V8's own builtins (no JIT state of
 * ours): JSON text of the same 5 000 objects parsed and written back. When it slows down
 * along with the step, the machine (or the process's heap) did, not the codec.
 */
function reference(): Step {
  const text = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ id: i, name: 'n' + i })));
  return () => {
    const c0 = cpu();
    const t0 = performance.now();
    const v = JSON.parse(text) as unknown[];
    const c1 = cpu();
    const out = JSON.stringify(v);
    const t1 = performance.now();
    const c2 = cpu();
    if (out.length !== text.length) throw new Error('reference: changed');
    return { cpu: c2 - c0, wall: t1 - t0, snap: c2 - c1, rest: c1 - c0, res: 0, start: t0, end: t1, size: text.length };
  };
}

function gcInside(samples: Sample[]): { ms: number; n: number } {
  let ms = 0;
  let n = 0;
  for (const s of samples) {
    for (const [a, b] of gcSpans) {
      if (b <= s.start || a >= s.end) continue;
      ms += Math.min(b, s.end) - Math.max(a, s.start);
      n++;
    }
  }
  return { ms: ms / samples.length, n };
}

async function stage(title: string, variants: [string, Step][], runs: number): Promise<void> {
  const out = variants.map((): Sample[] => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < variants.length; k++) {
      const j = (i + k) % variants.length;
      out[j].push(variants[j][1]());
    }
  }
  await new Promise((r) => setTimeout(r, 50)); // the gc observer delivers asynchronously
  const f = (x: number) => x.toFixed(3).padStart(8);
  const med = (s: Sample[], k: keyof Sample) => median(s.map((x) => x[k]));
  console.log(`\n${title} (${runs} rounds, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ms, medians; CPU time unless said)`);
  console.log('variant           step   min  wall step  snapshot  restore   resume  bytes   ratio  gc in window ms/step (n)');
  const base = med(out[0], 'cpu');
  variants.forEach(([name], k) => {
    const s = out[k];
    const gc = gcInside(s);
    console.log(
      `${name.padEnd(12)} ${f(med(s, 'cpu'))} ${f(Math.min(...s.map((x) => x.cpu)))} ${f(med(s, 'wall'))} ${f(med(s, 'snap'))} ${f(med(s, 'rest'))} ${f(med(s, 'res'))} ${String(s[0].size).padStart(6)} ${f(med(s, 'cpu') / base)}  ${gc.ms.toFixed(3)} (${gc.n})`,
    );
  });
}

const runs = Number(process.env.PROBE_RUNS ?? 61);
const bundles = process.env.PROBE_BUNDLES?.split(',').filter(Boolean);
if (bundles?.length) {
  const variants: [string, Step][] = [];
  for (const b of bundles) variants.push([b.split('/').pop()!, stepper((await import(pathToFileURL(b).href)) as Api)]);
  for (let i = 0; i < 30; i++) for (const [, s] of variants) s();
  await stage('core bundles, alternating', variants, runs);
} else {
  const { core } = await loadBundledCore();
  if (process.env.PROBE_ENGINES) {
    const { quickjsEngine, mustardEngine, v8Engine } = await import('./engines');
    const which = process.env.PROBE_ENGINES.split(',');
    if (which.includes('v8')) v8Engine();
    if (which.includes('quickjs')) await quickjsEngine(15000);
    if (which.includes('mustard')) mustardEngine(15000);
  }
  const api = core as unknown as Api;
  const variants: [string, Step][] = [
    ['bench', stepper(api)],
    ['reference', reference()],
  ];
  // (a full GC at an idle point lets V8 drop the maps of the codec's and the VM's per-step
  // classes, deoptimizing their code: the steps after it, of both variants, are slow)
  if (process.env.PROBE_GC) variants.push(['gc first', stepper(api, true)]);
  for (let i = 0; i < 20; i++) variants[0][1]();
  await stage('fresh process', variants, runs);
  await hostCalls(core, 7);
  await stage('after the host-calls bench', variants, runs);
  if (process.env.PROBE_WORKLOADS) {
    // the workloads section's core runs (its type feedback on the VM, its old generation)
    const { CORE_LIMITS } = await import('./engines');
    const dir = join(dirname(fileURLToPath(import.meta.url)), 'workloads');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.js'))) {
      for (let i = 0; i < 3; i++) core.runSync(readFileSync(join(dir, f), 'utf8'), { limits: CORE_LIMITS, seed: 1 });
    }
    await stage('after the workloads (3 runs each through core)', variants, runs);
  }
  if (process.env.PROBE_BENCH) {
    const bench = (): void => console.log(hostTable(durableStep(core as CoreModule, 7, cpu).slice(0, 1)));
    bench();
    await stage('after the bench function', variants, runs);
    bench();
  }
}
