/**
 * The fuzzer in CI: a fixed-seed sample must report 0 host faults, and the fuzzer itself must
 * detect, shrink and save a planted fault (so a green sample means something). Both run the
 * real command line (`tsx test/fuzz/fuzz.ts`) against the bundled core.
 *
 * CAPSULE_FUZZ_SAMPLE sets the sample size (default 120 cases: about a minute on a busy
 * 2-core machine).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundle } from '../cli/helpers';
import { caseFor, shrinkSource } from './engine';
import { mutate, tokenize, untokenize } from './mutate';
import { Rng } from './rng';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = Number(process.env.CAPSULE_FUZZ_SAMPLE ?? 120);
let out: string;

async function fuzz(args: string[]): Promise<{ code: number; lines: string[] }> {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  try {
    // hang detection off in practice: a loaded CI machine must not turn slowness into faults
    const env = { ...process.env, TZ: 'UTC', CAPSULE_FUZZ_HANG_MS: '600000' };
    const r = await run(tsx, ['test/fuzz/fuzz.ts', '--out', out, ...args], { cwd: ROOT, env, maxBuffer: 16 << 20 });
    return { code: 0, lines: r.stdout.trim().split('\n') };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    return { code: err.code, lines: `${err.stdout ?? ''}${err.stderr ?? ''}`.trim().split('\n') };
  }
}

beforeAll(async () => {
  await ensureBundle();
  out = mkdtempSync(path.join(tmpdir(), 'capsule-fuzz-'));
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('fuzzer', () => {
  it(`a fixed-seed sample of ${SAMPLE} cases finds 0 host faults`, async () => {
    const r = await fuzz(['--count', String(SAMPLE), '--seed', '20261125']);
    expect(r.lines.filter((l) => l.startsWith('fault:'))).toEqual([]);
    expect(r.lines.at(-1)).toBe(`fuzz: ${SAMPLE} programs, 0 host faults`);
    expect(r.code).toBe(0);
  }, 600_000);

  it('detects a planted fault, shrinks it and saves the reproducer', async () => {
    // cases 0..9 of seed 5 include generated programs using `.slice(`: the plant makes core
    // "throw a host TypeError" for them
    const plantDir = path.join(out, 'planted');
    const r = await fuzz(['--count', '10', '--seed', '5', '--no-v8', '--plant', '\\.slice\\(', '--out', plantDir]);
    const faults = r.lines.filter((l) => l.startsWith('fault:'));
    expect(faults.length).toBeGreaterThan(0);
    expect(faults.every((l) => l.includes('host-exception:TypeError'))).toBe(true);
    expect(r.lines.at(-1)).toBe(`fuzz: 10 programs, ${faults.length} host faults`);
    expect(r.code).toBe(1);
    const files = readdirSync(plantDir);
    expect(files.length).toBe(faults.length);
    for (const f of files) {
      const text = readFileSync(path.join(plantDir, f), 'utf8');
      const [, seed, index] = /-(\d+)-(\d+)\.js$/.exec(f)!;
      const original = caseFor(Number(seed), Number(index)).source;
      const program = text.split('\n').filter((l) => !l.startsWith('// ')).join('\n');
      expect(text).toMatch(/^\/\/ fault: host-exception:TypeError\n\/\/ case: seed 5, index \d+/);
      expect(text).toContain('planted fault (test hook)');
      // shrunk: still shows the fault, and much smaller than the case it came from
      expect(program).toMatch(/\.slice\(/);
      expect(program.length).toBeLessThan(original.length / 2);
      expect(program.length).toBeLessThan(60);
    }
  }, 600_000);
});

describe('a resumable run (--state)', () => {
  it('run in parts, it checks every case once and adds up to the uninterrupted run', async () => {
    const plant = ['--count', '10', '--seed', '5', '--no-v8', '--plant', '\\.slice\\(', '--workers', '2'];
    const whole = await fuzz([...plant, '--out', path.join(out, 'whole')]);
    const state = path.join(out, 'run.json');
    const partsDir = path.join(out, 'parts');
    const first = await fuzz([...plant, '--out', partsDir, '--state', state, '--part', '3']);
    expect(first.lines.at(-1)).toMatch(/^fuzz: 3 programs, \d+ host faults$/);
    expect(first.lines).toContain('paused: 7 cases of the run left; run the same command to continue');
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { programs: number; next: number[]; parts: number };
    expect(saved.programs).toBe(3);
    expect(saved.parts).toBe(1);
    const second = await fuzz([...plant, '--out', partsDir, '--state', state, '--part', '4']);
    expect(second.lines[0]).toMatch(/^resumed: seed 5, 3 programs and \d+ faults in 1 earlier part$/);
    expect(second.lines.at(-1)).toMatch(/^fuzz: 7 programs, \d+ host faults$/);
    const last = await fuzz([...plant, '--out', partsDir, '--state', state]);
    expect(last.lines.at(-1)).toBe(whole.lines.at(-1));
    expect(last.lines.some((l) => l.startsWith('paused:'))).toBe(false);
    expect(readdirSync(partsDir).sort()).toEqual(readdirSync(path.join(out, 'whole')).sort());
    // the parts' fault lines name exactly the uninterrupted run's faulty cases, each once
    const faultCases = (lines: string[]) => lines.filter((l) => l.startsWith('fault:')).map((l) => /case (\d+)/.exec(l)![1]).sort();
    expect([...faultCases(first.lines), ...faultCases(second.lines), ...faultCases(last.lines)].sort()).toEqual(faultCases(whole.lines));
  }, 600_000);

  it('says so when the last part died without saving its end', async () => {
    const state = path.join(out, 'died.json');
    await fuzz(['--count', '4', '--seed', '6', '--no-v8', '--state', state, '--part', '2']);
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { ended: boolean; next: number[] };
    expect(saved.ended).toBe(true);
    // what a periodic save of a part that then died leaves
    writeFileSync(state, JSON.stringify({ ...saved, ended: false }));
    const r = await fuzz(['--count', '4', '--seed', '6', '--no-v8', '--state', state]);
    expect(r.lines).toContain(`warning: the last part died without saving its end; its last save (at most 30 s before) had next cases ${saved.next.join(', ')} — if this part dies there too, check them one at a time (--from I --count 1 --workers 1, without --state)`);
    expect(r.lines.at(-1)).toBe('fuzz: 4 programs, 0 host faults');
  }, 600_000);

  it('refuses to continue a run under other options', async () => {
    const state = path.join(out, 'other.json');
    await fuzz(['--count', '4', '--seed', '6', '--no-v8', '--state', state, '--part', '1']);
    const r = await fuzz(['--count', '4', '--seed', '7', '--no-v8', '--state', state]);
    expect(r.code).toBe(2);
    expect(r.lines.join('\n')).toContain('the run was started with seed 6, this invocation has 7');
    expect((JSON.parse(readFileSync(state, 'utf8')) as { programs: number }).programs).toBe(1);
  }, 600_000);
});

describe('fuzzer parts', () => {
  it('cases are a pure function of (seed, index)', () => {
    for (let i = 0; i < 20; i++) expect(caseFor(9, i)).toEqual(caseFor(9, i));
    expect(caseFor(9, 1).source).not.toBe(caseFor(10, 1).source);
  });

  it('tokenize/untokenize round-trips and mutations change the program deterministically', () => {
    const src = "const a = [1, 2.5, 'x', `t${1}`]; // c\nlet b = a.length >>> 1 ?? 0n;\n";
    expect(untokenize(tokenize(src))).toBe(src);
    const m1 = mutate(src, new Rng(3, 4));
    expect(mutate(src, new Rng(3, 4))).toEqual(m1);
    expect(m1.mutations.length).toBeGreaterThan(0);
  });

  it('the shrinker drops statements and subtrees while the fault persists', async () => {
    const src = 'const a = 1;\nfunction f(x) {\n  const y = x + 1;\n  return bad(y);\n}\nconst z = [1, 2, 3].map(f);\nconsole.log(a, z);\n';
    const shrunk = await shrinkSource(src, async (s) => s.includes('bad('));
    expect(shrunk.length).toBeLessThan(12);
    expect(shrunk).toContain('bad(');
  });
});
