// capsule run: output, --json last line, exit codes, --inputs, --limits, --seed, --now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capsule, ensureBundle, lastJson, workspace } from './helpers';

const files = {
  'hello.js': 'console.log("hi", { a: 1 });\nconsole.warn("careful");\nconsole.error("oops");\nconsole.info("info");\n({ x: [1, 2, { y: 3n }], s: "str", u: undefined })\n',
  'none.js': 'console.log("only output");\n',
  'async.js': 'const v = await Promise.resolve(41);\nv + 1\n',
  'throw.js': 'function f() { throw new TypeError("bad") }\nfunction g() { f() }\ng()\n',
  'throw42.js': 'throw 42\n',
  'loop.js': 'while (true) {}\n',
  'parse.js': 'let x = ;\n',
  'invalid.js': 'eval("1")\n  foo\n',
  'inputs.js': 'user.name + " " + n\n',
  'inputs.json': '{"user":{"name":"ada"},"n":3}',
  'random.js': '[Math.random(), Math.random(), Math.random()]\n',
  'now.js': '[Date.now(), new Date().toISOString()]\n',
  'probe.js': 'typeof Math === "object" && typeof Date === "function"\n',
};

let dir = '';
let cleanup = () => {};
let hasMathAndDate = false;

beforeAll(() => {
  ensureBundle();
  ({ dir, cleanup } = workspace(files));
  hasMathAndDate = capsule(['run', 'probe.js', '--json'], dir).stdout.includes('"value":true');
});
afterAll(() => cleanup());

const run = (...args: string[]) => capsule(['run', ...args], dir);

describe('capsule run: success', () => {
  it('prints console output (warn/error to stderr) and the result like util.inspect', () => {
    const r = run('hello.js');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("hi { a: 1 }\ninfo\n{ x: [ 1, 2, { y: 3n } ], s: 'str', u: undefined }\n");
    expect(r.stderr).toBe('careful\noops\n');
  });

  it('prints nothing for an undefined result', () => {
    const r = run('none.js');
    expect(r).toEqual({ code: 0, stdout: 'only output\n', stderr: '' });
  });

  it('--json: the last stdout line is {"ok":true,"value","instructions"} (bigint → string, undefined dropped)', () => {
    const r = run('hello.js', '--json');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1)).toEqual(['hi { a: 1 }', 'info']);
    const last = lastJson(r.stdout);
    expect(Object.keys(last)).toEqual(['ok', 'value', 'instructions']);
    expect(last.ok).toBe(true);
    expect(last.value).toEqual({ x: [1, 2, { y: '3' }], s: 'str' });
    expect(Number.isInteger(last.instructions) && last.instructions > 0).toBe(true);
  });

  it('--json: an undefined result is null', () => {
    expect(lastJson(run('none.js', '--json').stdout)).toMatchObject({ ok: true, value: null });
  });

  it('awaits a top-level promise result', () => {
    expect(lastJson(run('async.js', '--json').stdout)).toMatchObject({ ok: true, value: 42 });
  });
});

describe('capsule run: failures', () => {
  it('uncaught guest error: exit 1, Uncaught Name: message plus the guest stack', () => {
    const r = run('throw.js');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Uncaught TypeError: bad\n    at f (1:22)\n    at g (2:16)\n    at <script> (3:1)\n');
  });

  it('uncaught guest error --json', () => {
    const r = run('throw.js', '--json');
    expect(r.code).toBe(1);
    expect(lastJson(r.stdout)).toEqual({
      ok: false,
      error: { kind: 'Runtime', name: 'TypeError', message: 'bad', stack: '    at f (1:22)\n    at g (2:16)\n    at <script> (3:1)' },
    });
  });

  it('a thrown non-error value', () => {
    const r = run('throw42.js');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Uncaught 42\n');
    expect(lastJson(run('throw42.js', '--json').stdout).error).toMatchObject({ kind: 'Runtime' });
  });

  it('limit: exit 3 with the limit message', () => {
    const r = run('loop.js', '--limits', '{"instructions":1000}');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^LimitError: limit exceeded: instructions \(limit 1000, reached \d+\)/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('limit --json', () => {
    const r = run('loop.js', '--limits={"instructions":1000}', '--json');
    expect(r.code).toBe(3);
    const { ok, error } = lastJson(r.stdout);
    expect(ok).toBe(false);
    expect(error).toMatchObject({ kind: 'Limit', name: 'LimitError', stack: '' });
    expect(error.message).toContain('instructions');
  });

  it('parse error: exit 4 with the diagnostic line', () => {
    const r = run('parse.js');
    expect(r.code).toBe(4);
    expect(r.stderr).toBe("parse.js:1:9: error CAP0001: Unexpected token ';'\n");
    const j = run('parse.js', '--json');
    expect(j.code).toBe(4);
    expect(lastJson(j.stdout)).toEqual({
      ok: false,
      error: { kind: 'Parse', name: 'ParseError', message: "parse.js:1:9: error CAP0001: Unexpected token ';'", stack: '' },
    });
  });

  it('validation errors: exit 4 with every diagnostic', () => {
    const r = run('invalid.js');
    expect(r.code).toBe(4);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^invalid\.js:1:1: error CAP1001: /);
    expect(lines[1]).toMatch(/^invalid\.js:2:3: error CAP1013: Unknown global 'foo'/);
    const j = run('invalid.js', '--json');
    expect(j.code).toBe(4);
    const { error } = lastJson(j.stdout);
    expect(error).toMatchObject({ kind: 'Validation', name: 'ValidationError', stack: '' });
    expect(error.message.split('\n')).toEqual(lines);
  });
});

describe('capsule run: inputs, seed, clock', () => {
  it('--inputs JSON become globals (and count as declared for validation)', () => {
    const r = run('inputs.js', '--inputs', '{"user":{"name":"grace"},"n":1}', '--json');
    expect(r.code).toBe(0);
    expect(lastJson(r.stdout).value).toBe('grace 1');
  });

  it('--inputs @file.json', () => {
    const r = run('inputs.js', '--inputs', '@inputs.json');
    expect(r).toEqual({ code: 0, stdout: "'ada 3'\n", stderr: '' });
  });

  it('without the inputs their names are unknown globals (exit 4)', () => {
    expect(run('inputs.js').code).toBe(4);
  });

  it('--seed: Math.random is reproducible', ({ skip }) => {
    if (!hasMathAndDate) skip('core has no Math/Date built-ins yet');
    const a = lastJson(run('random.js', '--seed', '42', '--json').stdout);
    const b = lastJson(run('random.js', '--seed', '42', '--json').stdout);
    const c = lastJson(run('random.js', '--seed', '43', '--json').stdout);
    expect(a.ok).toBe(true);
    expect(a.value).toEqual(b.value);
    expect(a.value).not.toEqual(c.value);
    expect(new Set(a.value).size).toBe(3);
  });

  it('--now fixes the clock (ms or ISO)', ({ skip }) => {
    if (!hasMathAndDate) skip('core has no Math/Date built-ins yet');
    const ms = lastJson(run('now.js', '--now', '1714564800000', '--json').stdout);
    expect(ms.value).toEqual([1714564800000, '2024-05-01T12:00:00.000Z']);
    const iso = lastJson(run('now.js', '--now', '2024-05-01T12:00:00Z', '--json').stdout);
    expect(iso.value).toEqual(ms.value);
    // no offset: UTC, whatever the host's zone
    const local = capsule(['run', 'now.js', '--now', '2024-05-01T12:00:00', '--json'], dir, { TZ: 'Asia/Kolkata' });
    expect(lastJson(local.stdout).value).toEqual(ms.value);
  });
});
