// Runs the resource bombs in a child process with a small V8 heap (see bombs.test.ts):
//   node --max-old-space-size=256 --expose-gc bomb-runner.mjs CORE_INDEX BOMBS_JSON RUNS
// A bomb the core does not stop before the host allocates ends this process with V8's
// out-of-memory abort. Prints one JSON line per bomb run: the error (limit, reached), the
// instructions counted when it stopped, the calls in flight at most, and the host heap delta.
import { readFileSync } from 'node:fs';

const [coreIndex, bombsFile, runsArg] = process.argv.slice(2);
const { start, LimitError } = await import(coreIndex);
const bombs = JSON.parse(readFileSync(bombsFile, 'utf8'));
const runs = Number(runsArg);

function memory() {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers + m.external;
}

function runOnce(bomb) {
  const controller = new AbortController();
  let ticks = 0;
  const exec = start(bomb.src, {
    limits: bomb.limits,
    seed: 1,
    now: () => 0,
    signal: controller.signal,
    startPaused: true,
    capabilities: [{ name: 'tick' }, { name: 'lookup' }],
  });
  let maxInFlight = 0;
  const answer = (call) => {
    if (call.capability === 'tick') {
      ticks++;
      if (bomb.abortAfter !== undefined && ticks >= bomb.abortAfter) controller.abort();
      return { id: call.id, value: ticks };
    }
    return { id: call.id, value: { n: call.args[0] } };
  };
  let out = exec.outcome;
  try {
    for (;;) {
      if (out.status === 'completed') return { completed: true, instructions: out.instructions, maxInFlight };
      if (out.status === 'paused') {
        out = exec.resume();
        continue;
      }
      maxInFlight = Math.max(maxInFlight, out.calls.length);
      out = exec.resume(out.calls.map(answer));
    }
  } catch (e) {
    if (!(e instanceof LimitError)) return { hostError: `${e?.name}: ${e?.message}`, kind: e?.kind ?? 'host' };
    return { limit: e.limit, reached: e.limit === 'timeMs' ? null : e.reached, instructions: exec.vm.instructions, maxInFlight };
  }
}

for (const bomb of bombs) {
  for (let i = 0; i < runs; i++) {
    globalThis.gc();
    const before = memory();
    const r = runOnce(bomb);
    // measured before any collection: garbage the run left counts too (an upper bound)
    const delta = memory() - before;
    process.stdout.write(`${JSON.stringify({ id: bomb.id, run: i, ...r, heapDelta: delta })}\n`);
  }
}
