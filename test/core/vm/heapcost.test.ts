/**
 * `limits.heapBytes` is meant to track the host memory a program holds. For programs that keep
 * 100 000 values of one kind alive, the host heap they add (measured after a full collection,
 * in a fresh `--expose-gc` process each) is compared with the VM's own measure of its live
 * heap: the estimate must be within a small factor of the truth. (Before core/vm/heapcost.ts
 * the estimates were 3.5–6× too small, so a program could hold several times its budget.)
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, ensureBundle } from '../../cli/helpers';

beforeAll(() => ensureBundle());

const N = 100_000;

const SCRIPT = `
const { start } = await import(process.argv[1]);
const src = process.argv[2];
globalThis.gc();
const before = process.memoryUsage().heapUsed;
const exec = start(src, { limits: { instructions: 1e9, heapBytes: 1e9 }, capabilities: [{ name: 'hold' }] });
if (exec.outcome.status !== 'suspended') throw new Error('not suspended: ' + exec.outcome.status);
globalThis.gc();
const host = process.memoryUsage().heapUsed - before;
exec.vm.mark();
console.log(JSON.stringify({ host, estimate: exec.vm.liveBytes }));
`;

const PROGRAMS: [name: string, source: string][] = [
  ['plain objects', `const a = []; for (let i = 0; i < ${N}; i++) a.push({ i }); await hold(); a`],
  ['one-element arrays', `const a = []; for (let i = 0; i < ${N}; i++) a.push([i]); await hold(); a`],
  ['Map entries', `const m = new Map(); for (let i = 0; i < ${N}; i++) m.set(i, i); await hold(); m`],
  ['Map entries holding arrays', `const m = new Map(); for (let i = 0; i < ${N}; i++) m.set(i, [i]); await hold(); m`],
  ['closures over a loop variable', `const a = []; for (let i = 0; i < ${N}; i++) a.push(() => i); await hold(); a`],
];

describe('heap accounting against the host', () => {
  it.each(PROGRAMS)('%s: the live-heap estimate is within 0.5–2.5× of the host heap they take', (_name, source) => {
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', SCRIPT, BUNDLE.replace('cli.mjs', 'index.mjs'), source], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    const { host, estimate } = JSON.parse(r.stdout.trim()) as { host: number; estimate: number };
    const ratio = host / estimate;
    expect(ratio, `host ${(host / N).toFixed(0)} B per value, estimate ${(estimate / N).toFixed(0)} B`).toBeGreaterThan(0.5);
    expect(ratio, `host ${(host / N).toFixed(0)} B per value, estimate ${(estimate / N).toFixed(0)} B`).toBeLessThan(2.5);
  });
});
