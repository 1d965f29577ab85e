// Usage errors (exit 2, one line, no host stack or host paths), --help, --version, and
// bin/capsule.mjs without (or with a broken) bundle.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_VERSION } from '../../core/version';
import { BIN, capsule, ensureBundle, ROOT, workspace } from './helpers';

let dir = '';
let cleanup = () => {};
beforeAll(() => {
  ensureBundle();
  ({ dir, cleanup } = workspace({ 'ok.js': '1 + 1\n', 'bad.json': '{"a": 1,}', 'list.json': '[1]' }));
});
afterAll(() => cleanup());

/** Exit 2 with exactly one stderr line that mentions no host path but the user's own. */
function expectUsage(args: string[], message: RegExp | string) {
  const r = capsule(args, dir);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  if (typeof message === 'string') expect(lines[0]).toBe(message);
  else expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toContain(ROOT);
  expect(r.stderr).not.toContain(dir);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('usage errors: exit 2, one clear line', () => {
  it.each([
    [['run', 'ok.js', '--bogus'], 'capsule run: unknown option --bogus'],
    [['run', 'ok.js', '-x'], 'capsule run: unknown option -x'],
    [['run', 'ok.js', '--json=yes'], 'capsule run: option --json does not take a value'],
    [['run', 'ok.js', '--seed'], 'capsule run: option --seed needs a value (S)'],
    [['run', 'ok.js', '--seed', '1', '--seed', '2'], 'capsule run: option --seed given more than once'],
    [['run'], 'capsule run: missing FILE (usage: capsule run FILE [options])'],
    [['run', 'ok.js', 'other.js'], "capsule run: unexpected argument 'other.js'"],
    [['run', 'missing.js'], "capsule run: cannot read 'missing.js': no such file"],
    [['run', '.'], "capsule run: cannot read '.': is a directory"],
    [['disasm', 'missing.js'], "capsule disasm: cannot read 'missing.js': no such file"],
    [['validate'], 'capsule validate: missing FILE… (usage: capsule validate FILE…)'],
    [['run', 'ok.js', '--inputs', '{bad'], /^capsule run: --inputs is not valid JSON \(.+\)$/],
    [['run', 'ok.js', '--inputs', '@bad.json'], /^capsule run: --inputs file 'bad\.json' is not valid JSON \(.+\)$/],
    [['run', 'ok.js', '--inputs', '@list.json'], "capsule run: --inputs file 'list.json' must be a JSON object"],
    [['run', 'ok.js', '--inputs', '@nope.json'], "capsule run: --inputs: cannot read 'nope.json': no such file"],
    [['run', 'ok.js', '--inputs', '"str"'], 'capsule run: --inputs must be a JSON object'],
    [['run', 'ok.js', '--limits', '{"fuel":1}'], /^capsule run: --limits: unknown limit 'fuel' \(known: instructions, /],
    [['run', 'ok.js', '--limits', '{"instructions":-1}'], 'capsule run: --limits: instructions must be a non-negative integer'],
    [['run', 'ok.js', '--seed', 'abc'], "capsule run: --seed must be an integer from 0 to 4294967295, got 'abc'"],
    [['run', 'ok.js', '--seed', '4294967296'], "capsule run: --seed must be an integer from 0 to 4294967295, got '4294967296'"],
    [['run', 'ok.js', '--now', 'tomorrow'], /^capsule run: --now must be an ISO date .* got 'tomorrow'$/],
    [['frob'], "capsule: unknown command 'frob' (commands: run, test, validate, disasm, export, inspect, keygen; see capsule --help)"],
    [['--bogus'], 'capsule: unknown option --bogus'],
  ] as [string[], RegExp | string][])('capsule %j', (args, message) => expectUsage(args, message));

  it('no arguments: the help on stderr, exit 2', () => {
    const r = capsule([], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: capsule <command>');
  });
});

describe('help and version', () => {
  it('--version prints the core version', () => {
    expect(capsule(['--version'], dir)).toEqual({ code: 0, stdout: `capsule ${CORE_VERSION}\n`, stderr: '' });
  });

  it('--help lists the commands and exit codes', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = capsule(args, dir);
      expect(r.code).toBe(0);
      for (const word of ['run FILE', 'validate FILE…', 'disasm FILE', 'export FILE', 'inspect ARTIFACT', 'keygen -o KEYFILE', 'Exit codes:', '5 artifact/serialization error']) {
        expect(r.stdout).toContain(word);
      }
    }
  });

  it('command help lists its options', () => {
    for (const args of [['run', '--help'], ['help', 'run'], ['run', 'missing.js', '-h']]) {
      const r = capsule(args, dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: capsule run FILE \[options\]/);
      for (const flag of ['--inputs', '--limits', '--seed', '--now', '--mocks', '--host', '--trace', '--durable', '--public-key', '--json']) expect(r.stdout).toContain(flag);
    }
  });
});

describe('bin/capsule.mjs', () => {
  it('without the bundle: one line telling to run npm run build:core, exit 2', () => {
    const { dir: fake, cleanup: done } = workspace({});
    try {
      mkdirSync(join(fake, 'bin'));
      copyFileSync(BIN, join(fake, 'bin/capsule.mjs'));
      const r = capsule(['--version'], dir, {}, join(fake, 'bin/capsule.mjs'));
      expect(r).toEqual({ code: 2, stdout: '', stderr: 'capsule: the CLI is not built; run `npm run build:core`\n' });
    } finally {
      done();
    }
  });

  it('with a broken bundle: internal error, exit 70, no host stack', () => {
    const { dir: fake, cleanup: done } = workspace({ 'out/core/cli.mjs': 'throw new Error("boom at /secret/path")\n' });
    try {
      mkdirSync(join(fake, 'bin'));
      copyFileSync(BIN, join(fake, 'bin/capsule.mjs'));
      const r = capsule(['--version'], dir, {}, join(fake, 'bin/capsule.mjs'));
      expect(r.code).toBe(70);
      expect(r.stderr).toMatch(/^capsule: internal error/);
      expect(r.stderr).not.toContain('/secret/path');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      done();
    }
  });
});
