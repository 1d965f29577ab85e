// In-process tests of the CLI shell: internal errors (exit 70, no host details unless
// CAPSULE_DEBUG=1) with core mocked to fail, what `run` hands to runSync, and the option parsers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const runSync = vi.hoisted(() => vi.fn());
vi.mock('../../core/index', async (importOriginal) => {
  const core = await importOriginal<typeof import('../../core/index')>();
  return { ...core, runSync };
});
beforeEach(() => {
  runSync.mockReset();
  runSync.mockImplementation(() => {
    throw new Error('boom in /secret/host/path.ts');
  });
});

const { main } = await import('../../core/cli');
const { parseArgs, UsageError } = await import('../../core/cli/args');
const { parseNow, parseSeed, parseLimits } = await import('../../core/cli/options');

const dir = mkdtempSync(join(tmpdir(), 'capsule-cli-'));
const file = join(dir, 'ok.js');
writeFileSync(file, '1 + 1\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), colors: false, env });
  return { code, stdout, stderr };
}

describe('internal errors', () => {
  it('exit 70 and one line, without the host message or stack', async () => {
    const r = await cli(['run', file]);
    expect(r).toEqual({ code: 70, stdout: '', stderr: 'capsule: internal error (set CAPSULE_DEBUG=1 for details)\n' });
  });

  it('--json: the last stdout line is still a JSON error (kind Internal)', async () => {
    const r = await cli(['run', file, '--json']);
    expect(r.code).toBe(70);
    expect(JSON.parse(r.stdout.trimEnd().split('\n').pop()!)).toEqual({
      ok: false,
      error: { kind: 'Internal', name: 'InternalError', message: 'internal error', stack: '' },
    });
    expect(r.stderr).not.toContain('/secret/');
  });

  it('CAPSULE_DEBUG=1 shows the host stack', async () => {
    const r = await cli(['run', file], { CAPSULE_DEBUG: '1' });
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/^capsule: internal error\nError: boom in \/secret\/host\/path\.ts\n\s+at /);
  });
});

describe('run options reach runSync', () => {
  it('inputs, limits, seed and a fixed clock', async () => {
    runSync.mockImplementation(() => ({ value: 1, instructions: 3, seed: 7 }));
    const r = await cli(['run', file, '--inputs', '{"a":[1]}', '--limits', '{"callDepth":10}', '--seed', '7', '--now', '2024-05-01T12:00:00Z', '--json']);
    expect(r).toEqual({ code: 0, stdout: '{"ok":true,"value":1,"instructions":3}\n', stderr: '' });
    const [program, options] = runSync.mock.calls[0];
    expect(typeof program).toBe('object'); // compiled once by the CLI, with the inputs as globals
    expect(options).toMatchObject({ inputs: { a: [1] }, limits: { callDepth: 10 }, seed: 7 });
    expect(options.now()).toBe(Date.UTC(2024, 4, 1, 12));
  });

  it('no --seed or --now: core picks the seed and reads the real clock', async () => {
    runSync.mockImplementation(() => ({ value: undefined, instructions: 1, seed: 9 }));
    expect((await cli(['run', file])).code).toBe(0);
    const options = runSync.mock.calls[0][1];
    expect(options.seed).toBeUndefined();
    expect(options.now).toBeUndefined();
  });
});

describe('argument parser', () => {
  const specs = {
    flag: { type: 'boolean', short: 'f', description: '' },
    name: { type: 'string', description: '' },
    mock: { type: 'string', multiple: true, description: '' },
  } as const;

  it('long, --x=value, short, repeatable and -- ', () => {
    expect(parseArgs(['a', '--name', 'n', '-f', '--mock=1', '--mock', '2', '--', '--flag'], specs, 'x')).toEqual({
      values: { name: 'n', flag: true, mock: ['1', '2'] },
      positionals: ['a', '--flag'],
    });
  });

  it('a string option may have a short alias: -o FILE, -oFILE, bundled after boolean shorts', () => {
    const withShort = { ...specs, output: { type: 'string', short: 'o', description: '' } } as const;
    expect(parseArgs(['-o', 'a.capsule'], withShort, 'x').values).toEqual({ output: 'a.capsule' });
    expect(parseArgs(['-ob.capsule'], withShort, 'x').values).toEqual({ output: 'b.capsule' });
    expect(parseArgs(['-fo', 'c'], withShort, 'x').values).toEqual({ flag: true, output: 'c' });
    expect(() => parseArgs(['-o'], withShort, 'x')).toThrow('x: option -o needs a value (VALUE)');
  });

  it('a string option takes the next word even if it starts with -', () => {
    expect(parseArgs(['--name', '-5'], specs, 'x').values).toEqual({ name: '-5' });
  });

  it('does not accept inherited names', () => {
    expect(() => parseArgs(['--toString'], specs, 'x')).toThrow(UsageError);
    expect(() => parseArgs(['--__proto__'], specs, 'x')).toThrow('x: unknown option --__proto__');
  });
});

describe('option values', () => {
  it('--now: ms, ISO with offset, ISO without offset as UTC, date only', () => {
    expect(parseNow('0', 'w')).toBe(0);
    expect(parseNow('-1000', 'w')).toBe(-1000);
    expect(parseNow('1714564800000', 'w')).toBe(Date.UTC(2024, 4, 1, 12));
    expect(parseNow('2024-05-01T12:00:00Z', 'w')).toBe(Date.UTC(2024, 4, 1, 12));
    expect(parseNow('2024-05-01T14:00:00+02:00', 'w')).toBe(Date.UTC(2024, 4, 1, 12));
    expect(parseNow('2024-05-01T12:00', 'w')).toBe(Date.UTC(2024, 4, 1, 12));
    expect(parseNow('2024-05-01T12:00:00.250', 'w')).toBe(Date.UTC(2024, 4, 1, 12, 0, 0, 250));
    expect(parseNow('2024-05-01', 'w')).toBe(Date.UTC(2024, 4, 1));
    for (const bad of ['', 'now', 'May 1 2024', '2024-13-01', '1e3', '9'.repeat(20), '2024-05-01T12:00:00 GMT']) {
      expect(() => parseNow(bad, 'w'), bad).toThrow(UsageError);
    }
  });

  it('--seed: 0..2^32-1, decimal or hex', () => {
    expect(parseSeed('0', 'w')).toBe(0);
    expect(parseSeed('4294967295', 'w')).toBe(4294967295);
    expect(parseSeed('0xff', 'w')).toBe(255);
    for (const bad of ['', '-1', '1.5', '4294967296', 'abc', ' 1']) expect(() => parseSeed(bad, 'w'), bad).toThrow(UsageError);
  });

  it('--limits: known names, non-negative integers', () => {
    expect(parseLimits({ instructions: 1000, timeMs: 50 }, 'w')).toEqual({ instructions: 1000, timeMs: 50 });
    expect(() => parseLimits({ instructions: 1.5 }, 'w')).toThrow(UsageError);
    expect(() => parseLimits({ instructions: '1' }, 'w')).toThrow(UsageError);
    expect(() => parseLimits({ constructor: 1 }, 'w')).toThrow("unknown limit 'constructor'");
  });
});
