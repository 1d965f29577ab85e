/**
 * A run the host has dropped must not stay alive in the host: no module-level slot of core may
 * keep the last VM (and with it the guest's whole heap). Checked in a child process with
 * `--expose-gc`: a WeakRef to the VM of a finished run is cleared by a collection.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, ensureBundle } from '../../cli/helpers';

beforeAll(() => ensureBundle());

const SCRIPT = `
const { start } = await import(process.argv[1]);
const refs = [];
function once(src) {
  const exec = start(src, { limits: { instructions: 1e9 } });
  let out = exec.outcome;
  while (out.status === 'paused') out = exec.resume();
  refs.push(new WeakRef(exec.vm));
  return out.status;
}
const statuses = [
  once("const a = []; for (let i = 0; i < 20000; i++) a.push({ i }); a.length"),
  once("let s = 0n; for (let i = 0; i < 100; i++) s = s * 12345678901234567890n + 1n; String(s).length"),
];
await new Promise((r) => setTimeout(r, 0)); // WeakRefs hold until the job ends
globalThis.gc();
console.log(JSON.stringify({ statuses, alive: refs.map((r) => r.deref() !== undefined) }));
`;

describe('retention', () => {
  it('a finished run is collectable once the host drops it (no VM kept by core)', () => {
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', SCRIPT, BUNDLE.replace('cli.mjs', 'index.mjs')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { statuses: string[]; alive: boolean[] };
    expect(out.statuses).toEqual(['completed', 'completed']);
    expect(out.alive).toEqual([false, false]);
  });
});
