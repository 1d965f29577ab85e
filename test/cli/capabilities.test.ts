// capsule run with capabilities: every mock kind (--mocks), bad mocks files (exit 2), a --host
// module with async handlers, --trace lines, --durable (same output and instruction count),
// and every exit code 0–5.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { capsule, ensureBundle, lastJson, ROOT, workspace } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

const mocks = {
  capabilities: {
    fixed: { description: 'a fixed result', returns: { n: 1, list: [1, 2] } },
    seq: { sequence: [{ returns: 'first' }, { error: { name: 'RangeError', message: 'second fails' } }, { returns: 'third' }] },
    cyc: { sequence: [{ returns: 1 }, { returns: 2 }], exhausted: 'cycle' },
    last: { sequence: [{ returns: 'a' }, { returns: 'z' }], exhausted: 'repeat-last' },
    short: { sequence: [{ returns: 0 }] },
    fail: { error: 'service down' },
    failTyped: { error: { name: 'TypeError', message: 'bad input' } },
    script: { script: ['const [x, y] = args;', '({ sum: x + y, call })'] },
    scriptThrows: { script: 'throw new RangeError("too big: " + args[0])' },
    typed: { args: { type: 'array', items: [{ type: 'integer' }], minItems: 1 }, result: { type: 'string' }, returns: 42 },
    declared: { description: 'no mock' },
  },
};

const KINDS = `
const out = {};
const grab = async (f) => { try { return await f() } catch (e) { return e.name + ': ' + e.message } };
out.fixed = await fixed();
out.seq = [await grab(seq), await grab(seq), await grab(seq), await grab(seq)];
out.cyc = [await cyc(), await cyc(), await cyc()];
out.last = [await last(), await last(), await last()];
out.short = [await grab(short), await grab(short)];
out.fail = await grab(fail);
out.failTyped = await grab(failTyped);
out.script = [await script(1, 2), await script(3, 4)];
out.scriptThrows = await grab(() => scriptThrows(7));
out.typedArgs = await grab(() => typed("x"));
out.typedResult = await grab(() => typed(1));
out
`;

const FANOUT = `
const ids = [1, 2, 3, 4];
const rows = await Promise.all(ids.map((id) => lookup(id)));
console.log("rows", rows.length);
const slow = await sleepy(5);
function sum(xs) { let t = 0; for (const x of xs) t += x.score; return t }
({ total: sum(rows), slow, who: await whoami() })
`;

const SYNC = 'const a = lookup(7);\nconst b = lookup(8);\na.score + b.score\n';

const files = {
  'kinds.js': KINDS,
  'mocks.json': JSON.stringify(mocks),
  'fanout.js': FANOUT,
  'sync.js': SYNC,
  'fanout-mocks.json': JSON.stringify({
    capabilities: {
      lookup: { script: '({ id: args[0], score: args[0] * 10 })' },
      sleepy: { returns: 'rested' },
      whoami: { sequence: [{ returns: 'ada' }] },
    },
  }),
  'host.mjs': [
    'const wait = (ms) => new Promise((r) => setTimeout(r, ms));',
    'export const capabilities = {',
    '  lookup: async (id) => { await wait(10 - id * 2); return { id, score: id * 10 }; },',
    '  sleepy: { description: "sleeps", args: { type: "array", items: [{ type: "integer" }] }, handler: async (ms) => { await wait(ms); return "rested"; } },',
    '  whoami: () => "ada",',
    '};',
  ].join('\n'),
  'host-fails.mjs': 'export const capabilities = { lookup: async () => { throw new Error("secret host detail") }, sleepy: () => 1, whoami: () => 1 };\n',
  'throw.js': 'throw new Error("x")\n',
  'loop.js': 'while (true) {}\n',
  'parse.js': 'let x = ;\n',
  'undeclared.js': 'await declared()\n',
  'bad-kind.json': JSON.stringify({ capabilities: { a: { returns: 1, script: '1' } } }),
  'ide.json': JSON.stringify({
    capabilities: {
      slow: { description: 'latency is the IDE\'s', latencyMs: 250, returns: 'fast here' },
      approve: { ask: 'Approve the refund?', result: { type: 'boolean' } },
    },
  }),
  'ide.js': 'const s = await slow();\nconsole.log(s);\nawait approve(12)\n',
  'bad-ask.json': JSON.stringify({ capabilities: { a: { ask: true, returns: 1 } } }),
  'bad-latency.json': JSON.stringify({ capabilities: { a: { returns: 1, latencyMs: -5 } } }),
  'bad-field.json': JSON.stringify({ capabilities: { a: { retuns: 1 } } }),
  'bad-step.json': JSON.stringify({ capabilities: { a: { sequence: [{ returns: 1, error: 'x' }] } } }),
  'bad-script.json': JSON.stringify({ capabilities: { a: { script: 'let x = ;' } } }),
  'bad-name.json': JSON.stringify({ capabilities: { 'not-a-name': { returns: 1 } } }),
  'not-json.json': '{ capabilities: ',
  'no-caps.mjs': 'export const other = 1;\n',
  'host-failure.mjs': [
    `import { CapabilityFailure } from ${JSON.stringify(pathToFileURL(join(ROOT, 'out/core/index.mjs')).href)};`,
    'export const capabilities = {',
    '  lookup: async (id) => { throw new CapabilityFailure(`no row ${id}`, "NotFound"); },',
    '  sleepy: () => { throw new CapabilityFailure("too tired"); },',
    '  whoami: () => "ada",',
    '};',
  ].join('\n'),
  'failures.js': 'const out = [];\ntry { await lookup(3) } catch (e) { out.push(e.name + ": " + e.message) }\ntry { await sleepy(1) } catch (e) { out.push(e.name + ": " + e.message) }\nout\n',
};

let dir = '';
let cleanup = () => {};
beforeAll(() => {
  ensureBundle();
  ({ dir, cleanup } = workspace(files));
});
afterAll(() => cleanup());

const run = (...args: string[]) => capsule(['run', ...args], dir);

describe('--mocks: every kind', () => {
  it('fixed, sequence (error step, cycle, repeat-last, exhausted), error, script, schemas', () => {
    const r = run('kinds.js', '--mocks', 'mocks.json', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(lastJson(r.stdout).value).toEqual({
      fixed: { n: 1, list: [1, 2] },
      seq: ['first', 'RangeError: second fails', 'third', 'Error: mock seq: no answer for call 4 (the sequence has 3)'],
      cyc: [1, 2, 1],
      last: ['a', 'z', 'z'],
      short: [0, 'Error: mock short: no answer for call 2 (the sequence has 1)'],
      fail: 'Error: service down',
      failTyped: 'TypeError: bad input',
      script: [{ sum: 3, call: 0 }, { sum: 7, call: 1 }],
      scriptThrows: 'RangeError: too big: 7',
      typedArgs: 'TypeError: typed(): arguments[0] must be integer',
      typedResult: 'TypeError: typed(): result must be string',
    });
  });

  it('a declared capability without a mock ends the run: exit 2, kind Capability', () => {
    const r = run('undeclared.js', '--mocks', 'mocks.json', '--json');
    expect(r.code).toBe(2);
    expect(lastJson(r.stdout).error).toEqual({
      kind: 'Capability',
      name: 'CapabilityError',
      message: 'capability declared was called but has no mock or handler (add one with --mocks or --host)',
      stack: '',
    });
  });

  it('latencyMs is ignored (answers at once); an ask entry ends the run: exit 2, kind Capability', () => {
    const r = run('ide.js', '--mocks', 'ide.json', '--json');
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')[0]).toBe('fast here');
    expect(lastJson(r.stdout).error).toMatchObject({
      kind: 'Capability',
      message: 'capability approve asks the user ("ask" in the mocks file), and there is no one to ask here: give it a returns, sequence, error or script mock',
    });
  });

  it('capabilities are globals only when declared: without --mocks the script does not validate', () => {
    expect(run('kinds.js').code).toBe(4);
  });

  it.each([
    ['bad-kind.json', "capsule run: --mocks file 'bad-kind.json': capabilities.a has more than one mock (returns, script); give one of returns, sequence, error, script, ask"],
    ['bad-ask.json', "capsule run: --mocks file 'bad-ask.json': capabilities.a has more than one mock (returns, ask); give one of returns, sequence, error, script, ask"],
    ['bad-latency.json', "capsule run: --mocks file 'bad-latency.json': capabilities.a.latencyMs: must be >= 0 (see docs/MOCKS.md)"],
    ['bad-field.json', "capsule run: --mocks file 'bad-field.json': capabilities.a: must NOT have additional properties 'retuns' (see docs/MOCKS.md)"],
    ['bad-step.json', "capsule run: --mocks file 'bad-step.json': capabilities.a.sequence[0]: must NOT have more than 1 properties (see docs/MOCKS.md)"],
    ['bad-script.json', "capsule run: --mocks file 'bad-script.json': capabilities.a.script:1:9: error CAP0001: Unexpected token ';'"],
    ['bad-name.json', /^capsule run: --mocks file 'bad-name\.json': capabilities: (property name must be valid|must match pattern)/],
    ['not-json.json', /^capsule run: --mocks file 'not-json\.json' is not valid JSON \(/],
    ['missing.json', "capsule run: --mocks: cannot read 'missing.json': no such file"],
  ] as [string, string | RegExp][])('a bad mocks file %s: exit 2, one line', (file, message) => {
    const r = run('kinds.js', '--mocks', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    if (typeof message === 'string') expect(lines[0]).toBe(message);
    else expect(lines[0]).toMatch(message);
  });
});

describe('--host: a module of async capabilities, through run()', () => {
  it('fans out, awaits, and gives the same result as the mocks', () => {
    const host = run('fanout.js', '--host', 'host.mjs', '--json');
    expect(host.code, host.stderr).toBe(0);
    expect(host.stdout.split('\n')[0]).toBe('rows 4');
    const value = { total: 100, slow: 'rested', who: 'ada' };
    expect(lastJson(host.stdout).value).toEqual(value);
    expect(lastJson(run('fanout.js', '--mocks', 'fanout-mocks.json', '--json').stdout).value).toEqual(value);
  });

  it('sync guest code calling an async host capability', () => {
    const r = run('sync.js', '--host', 'host.mjs');
    expect(r).toEqual({ code: 0, stdout: '150\n', stderr: '' });
  });

  it('a handler that throws: the guest sees only "capability X failed"', () => {
    const r = run('fanout.js', '--host', 'host-fails.mjs');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Uncaught Error: capability lookup failed\n/);
    expect(r.stderr).not.toContain('secret host detail');
  });

  it('CapabilityFailure imported from the library bundle reaches the guest by name and message', () => {
    const r = run('failures.js', '--host', 'host-failure.mjs', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(lastJson(r.stdout).value).toEqual(['NotFound: no row 3', 'Error: too tired']);
  });

  it('a module without `capabilities`, or naming one also mocked: exit 2', () => {
    const a = run('fanout.js', '--host', 'no-caps.mjs');
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^capsule run: --host module 'no-caps\.mjs' must export `capabilities`/);
    const b = run('fanout.js', '--host', 'host.mjs', '--mocks', 'fanout-mocks.json');
    expect(b).toMatchObject({ code: 2, stderr: 'capsule run: capability lookup is given by both --mocks and --host\n' });
    expect(run('fanout.js', '--host', 'nope.mjs').stderr).toBe("capsule run: --host: cannot read 'nope.mjs': no such file\n");
  });
});

describe('--trace and --durable', () => {
  it('--trace: one stderr line per suspension and per answer', () => {
    const r = run('fanout.js', '--mocks', 'fanout-mocks.json', '--trace', '--seed', '1');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\[trace\] suspend at \d+: #1 lookup\(1\), #2 lookup\(2\), #3 lookup\(3\), #4 lookup\(4\)$/);
    expect(lines.slice(1, 5)).toEqual([
      '[trace] answer #1 lookup: {"id":1,"score":10}',
      '[trace] answer #2 lookup: {"id":2,"score":20}',
      '[trace] answer #3 lookup: {"id":3,"score":30}',
      '[trace] answer #4 lookup: {"id":4,"score":40}',
    ]);
    expect(lines[5]).toMatch(/^\[trace\] suspend at \d+: #5 sleepy\(5\)$/);
    expect(lines[6]).toBe('[trace] answer #5 sleepy: "rested"');
    expect(lines[7]).toMatch(/^\[trace\] suspend at \d+: #6 whoami\(\)$/);
    expect(lines[8]).toBe('[trace] answer #6 whoami: "ada"');
    expect(lines).toHaveLength(9);
  });

  it('--trace shows failed answers', () => {
    const r = run('kinds.js', '--mocks', 'mocks.json', '--trace');
    expect(r.stderr).toContain('[trace] answer #3 seq: throws RangeError: second fails\n');
    expect(r.stderr).toContain('[trace] answer #16 script: {"sum":3,"call":0}\n');
  });

  it('--durable: same stdout, result and instruction count as an ordinary run', () => {
    for (const [file, mocksFile] of [
      ['fanout.js', 'fanout-mocks.json'],
      ['kinds.js', 'mocks.json'],
      ['sync.js', 'fanout-mocks.json'],
    ]) {
      const plain = run(file, '--mocks', mocksFile, '--json', '--seed', '1');
      const durable = run(file, '--mocks', mocksFile, '--json', '--seed', '1', '--durable');
      expect(plain.code, plain.stderr).toBe(0);
      expect(durable.code, durable.stderr).toBe(0);
      expect(durable.stdout).toBe(plain.stdout);
      expect(lastJson(durable.stdout).instructions).toBe(lastJson(plain.stdout).instructions);
    }
  });

  it('--durable --trace reports the snapshot size per suspension; works with --host', () => {
    const r = run('fanout.js', '--host', 'host.mjs', '--durable', '--trace', '--seed', '1', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(lastJson(r.stdout).value).toEqual({ total: 100, slow: 'rested', who: 'ada' });
    const suspends = r.stderr.split('\n').filter((l) => l.includes('suspend'));
    expect(suspends.length).toBeGreaterThanOrEqual(3);
    for (const l of suspends) expect(l).toMatch(/^\[trace\] suspend at \d+ \(snapshot \d+ bytes\): /);
  });
});

describe('exit codes', () => {
  it.each([
    [0, ['fanout.js', '--mocks', 'fanout-mocks.json']],
    [1, ['throw.js']],
    [2, ['throw.js', '--bogus']],
    [3, ['loop.js', '--limits', '{"instructions":1000}']],
    [4, ['parse.js']],
  ] as [number, string[]][])('exit %i', (code, args) => {
    expect(run(...args).code).toBe(code);
  });
  // exit 5 (artifacts) is covered in artifact.test.ts
});
