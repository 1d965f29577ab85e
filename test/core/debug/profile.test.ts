/** The budget profile: per-line and per-function instruction totals, samples over the run. */
import { describe, expect, it } from 'vitest';
import { profileRun, Profiler } from '../../../core/debug/profile';
import { runSync, start } from '../../../core/index';

const SRC = `function cheap(x) {
  return x + 1;
}
function costly(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += i % 7;
  return s;
}
let total = 0;
for (let k = 0; k < 5; k++) {
  total += cheap(k);
  total += costly(200);
}
total`;

describe('budget profile', () => {
  it('charges every instruction to a line, and the hot loop dominates', () => {
    const plain = runSync(SRC, { seed: 1 });
    const p = profileRun(start(SRC, { startPaused: true, seed: 1 }), { sampleEvery: 1000 });
    expect(p.outcome).toMatchObject({ status: 'completed', value: plain.value, instructions: plain.instructions });
    const byLine = Object.fromEntries(p.lines.map((l) => [l.line, l.instructions]));
    const sum = p.lines.reduce((n, l) => n + l.instructions, 0) + p.unattributed;
    expect(sum).toBe(plain.instructions);
    // line 6 (the loop body of costly) runs 5 × 200 iterations: by far the hottest line
    const hottest = p.lines.reduce((a, b) => (b.instructions > a.instructions ? b : a));
    expect(hottest.line).toBe(6);
    expect(byLine[6]).toBeGreaterThan(5 * 200 * 5);
    expect(byLine[2]).toBeGreaterThan(0);
    expect(byLine[2]).toBeLessThan(byLine[6] / 50);
    expect(p.functions[0].name).toBe('costly');
    expect(p.functions.map((f) => f.name).sort()).toEqual(['<script>', 'cheap', 'costly']);
    // samples: start, every 1000 instructions, end
    expect(p.samples[0].at).toBe('start');
    expect(p.samples.at(-1)!.at).toBe('end');
    expect(p.samples.filter((s) => s.at === 'interval').length).toBeGreaterThanOrEqual(Math.floor(plain.instructions / 1000) - 1);
    for (let i = 1; i < p.samples.length; i++) expect(p.samples[i].instructions).toBeGreaterThanOrEqual(p.samples[i - 1].instructions);
  });

  it('samples at each suspension and leaves the code as compiled', () => {
    const src = `let acc = [];
for (let i = 0; i < 3; i++) acc.push(fetchIt(i));
acc.join()`;
    const exec = start(src, { startPaused: true, capabilities: [{ name: 'fetchIt' }] });
    const before = exec.program.functions.map((f) => Array.from(f.code));
    const p = profileRun(exec, { answer: (calls) => calls.map((c) => ({ id: c.id, value: `r${c.args[0]}` })) });
    expect(p.outcome).toMatchObject({ status: 'completed', value: 'r0,r1,r2' });
    expect(p.samples.filter((s) => s.at === 'suspension').map((s) => s.pendingCalls)).toEqual([1, 1, 1]);
    expect(exec.program.functions.map((f) => Array.from(f.code))).toEqual(before);
  });

  it('reports the peak call depth, which samples between calls do not see', () => {
    // depth 4 inside rec(3); the suspension and the end come back at the top level
    const src = `function rec(n) { return n === 0 ? 0 : 1 + rec(n - 1); }
const d = rec(3);
const r = await lookup(d);
r + rec(5)`;
    const exec = start(src, { startPaused: true, capabilities: [{ name: 'lookup' }] });
    const p = profileRun(exec, { answer: (calls) => calls.map((c) => ({ id: c.id, value: 10 })) });
    expect(p.outcome).toMatchObject({ status: 'completed', value: 15 });
    const atSuspension = p.samples.find((s) => s.at === 'suspension')!;
    // (frames: the script, then rec(3) … rec(0))
    expect(atSuspension.peakCallDepth).toBe(5);
    expect(atSuspension.callDepth).toBeLessThan(atSuspension.peakCallDepth);
    expect(p.samples.at(-1)!.peakCallDepth).toBe(7);
    for (let i = 1; i < p.samples.length; i++) expect(p.samples[i].peakCallDepth).toBeGreaterThanOrEqual(p.samples[i - 1].peakCallDepth);
  });

  it('a run with a passed deadline returns running and, called again, ends with the same profile', () => {
    const whole = profileRun(start(SRC, { startPaused: true, seed: 1 }), { sampleEvery: 1000 });
    const p = new Profiler(start(SRC, { startPaused: true, seed: 1 }), { sampleEvery: 1000 });
    let r = p.run([], { deadline: 0 });
    let slices = 1;
    while (r.status === 'running') {
      r = p.run([], { deadline: 0 });
      slices++;
    }
    expect(slices).toBeGreaterThan(2);
    expect(r.status).toBe('completed');
    if (r.status !== 'completed') return;
    expect(r.profile.lines).toEqual(whole.lines);
    expect(r.profile.outcome).toEqual(whole.outcome);
  });
});
