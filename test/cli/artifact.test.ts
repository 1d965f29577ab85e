// capsule keygen / export / inspect / run ARTIFACT.capsule: signing, manifest, running an
// artifact with mocks, refusing tampered files and wrong keys (exit 5).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { capsule, ensureBundle, lastJson, workspace } from './helpers';

const files = {
  'job.js': 'const hits = await searchLogs(query, 2);\nconsole.log("hits", hits.length);\n({ hits, who: await whoami() })\n',
  'caps.json': JSON.stringify({
    capabilities: {
      searchLogs: {
        description: 'Search the logs',
        args: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }] },
        result: { type: 'array' },
        script: 'args[1] === 2 ? ["a:" + args[0], "b:" + args[0]] : []',
      },
      whoami: { description: 'The caller', returns: 'ada' },
      unused: { description: 'never referenced' },
    },
  }),
  'bad.js': 'let x = ;\n',
};

vi.setConfig({ testTimeout: 60_000 });

let dir = '';
let cleanup = () => {};
beforeAll(() => {
  ensureBundle();
  ({ dir, cleanup } = workspace(files));
});
afterAll(() => cleanup());

const cli = (...args: string[]) => capsule(args, dir);
const INPUTS_SCHEMA = JSON.stringify({ type: 'object', properties: { query: { type: 'string' } }, required: ['query'] });

describe('keygen → export → inspect → run', () => {
  it('keygen writes a private key (0600) and KEYFILE.pub, and refuses to overwrite', () => {
    const r = cli('keygen', '-o', 'release.key');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote release\.key \(private key, keep it secret\) and release\.key\.pub \(public key\), sha256:[0-9a-f]{64}\n$/);
    expect(readFileSync(join(dir, 'release.key'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(readFileSync(join(dir, 'release.key.pub'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(statSync(join(dir, 'release.key')).mode & 0o077).toBe(0);
    const again = cli('keygen', '-o', 'release.key');
    expect(again).toEqual({ code: 2, stdout: '', stderr: "capsule keygen: 'release.key' already exists (pass --force to replace it)\n" });
    expect(cli('keygen', '-o', 'other.key').code).toBe(0);
  });

  it('export signs with --key; inspect shows the manifest; run executes it with mocks', () => {
    const e = cli('export', 'job.js', '-o', 'job.capsule', '--key', 'release.key', '--capabilities', 'caps.json', '--inputs-schema', INPUTS_SCHEMA, '--limits', '{"instructions":100000}');
    expect(e.code, e.stderr).toBe(0);
    expect(e.stdout).toMatch(/^wrote job\.capsule \(\d+ bytes\), signed by sha256:[0-9a-f]{64}\n$/);

    const i = cli('inspect', 'job.capsule', '--public-key', 'release.key.pub');
    expect(i.code, i.stderr).toBe(0);
    expect(i.stdout).toContain('artifact      job.capsule (exported from job.js)');
    expect(i.stdout).toContain('verified against --public-key');
    expect(i.stdout).toContain('inputs        query');
    expect(i.stdout).toContain('limits        instructions 100000,');
    expect(i.stdout).toContain('  searchLogs — Search the logs\n    args    {"type":"array","items":[{"type":"string"},{"type":"integer"}]}\n    result  {"type":"array"}');
    expect(i.stdout).toContain('  whoami — The caller');
    expect(i.stdout).not.toContain('unused');

    const j = lastJson(cli('inspect', 'job.capsule', '--json').stdout);
    expect(j.ok).toBe(true);
    expect(j.artifact.manifest.capabilities.map((c: { name: string }) => c.name)).toEqual(['searchLogs', 'whoami']);
    expect(j.artifact.manifest.inputs.names).toEqual(['query']);
    expect(j.artifact.signer).toMatchObject({ ephemeral: false, verifiedWith: 'embedded' });

    const r = cli('run', 'job.capsule', '--mocks', 'caps.json', '--inputs', '{"query":"err"}', '--public-key', 'release.key.pub', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('hits 2');
    const last = lastJson(r.stdout);
    expect(last.value).toEqual({ hits: ['a:err', 'b:err'], who: 'ada' });
    // the same instructions as running the script itself
    const src = lastJson(cli('run', 'job.js', '--mocks', 'caps.json', '--inputs', '{"query":"err"}', '--json').stdout);
    expect(last.instructions).toBe(src.instructions);
  });

  it('an artifact brings its default limits and input declarations', () => {
    const low = cli('export', 'job.js', '-o', 'low.capsule', '--capabilities', 'caps.json', '--inputs-schema', INPUTS_SCHEMA, '--limits', '{"instructions":5}');
    expect(low.code, low.stderr).toBe(0);
    expect(low.stdout).toContain('ephemeral key (integrity only; pass --key to sign)');
    expect(cli('run', 'low.capsule', '--mocks', 'caps.json', '--inputs', '{"query":"x"}').code).toBe(3);
    expect(cli('run', 'low.capsule', '--mocks', 'caps.json', '--inputs', '{"query":"x"}', '--limits', '{"instructions":100000}').code).toBe(0);
    const missing = cli('run', 'low.capsule', '--mocks', 'caps.json', '--json');
    expect(missing.code).toBe(2);
    expect(lastJson(missing.stdout).error).toMatchObject({ kind: 'Capability', message: "inputs must have required property 'query'" });
  });

  it('inspect of an ephemeral-key artifact says it proves integrity only', () => {
    const r = cli('inspect', 'low.capsule');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ephemeral key (exported without --key): integrity only');
  });
});

describe('refusals: exit 5', () => {
  it('a wrong public key', () => {
    for (const args of [
      ['run', 'job.capsule', '--public-key', 'other.key.pub', '--mocks', 'caps.json', '--inputs', '{"query":"x"}'],
      ['inspect', 'job.capsule', '--public-key', 'other.key.pub'],
      ['run', 'low.capsule', '--public-key', 'release.key.pub', '--inputs', '{"query":"x"}'],
    ]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(5);
      expect(r.stderr).toMatch(/^SerializationError: not a valid Capsule artifact: signed by a different key/);
    }
  });

  it('a tampered byte, with --json too', () => {
    const bytes = readFileSync(join(dir, 'job.capsule'));
    bytes[Math.floor(bytes.length / 2)] ^= 0x20;
    writeFileSync(join(dir, 'tampered.capsule'), bytes);
    const r = cli('run', 'tampered.capsule', '--mocks', 'caps.json', '--inputs', '{"query":"x"}');
    expect(r).toEqual({ code: 5, stdout: '', stderr: 'SerializationError: not a valid Capsule artifact: the signature does not verify (the file was modified or corrupted)\n' });
    const j = cli('run', 'tampered.capsule', '--json');
    expect(j.code).toBe(5);
    expect(lastJson(j.stdout)).toEqual({
      ok: false,
      error: { kind: 'Serialization', name: 'SerializationError', message: 'not a valid Capsule artifact: the signature does not verify (the file was modified or corrupted)', stack: '' },
    });
    expect(cli('inspect', 'tampered.capsule').code).toBe(5);
  });

  it('a .capsule file that is not an artifact; a bad key file', () => {
    writeFileSync(join(dir, 'text.capsule'), '1 + 1\n');
    expect(cli('run', 'text.capsule').stderr).toMatch(/wrong magic/);
    expect(cli('inspect', 'job.js').code).toBe(5);
    writeFileSync(join(dir, 'junk.key'), 'not a key\n');
    const r = cli('export', 'bad.js', '-o', 'x.capsule', '--key', 'junk.key');
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/not an Ed25519 private key/);
  });
});

describe('export usage and program errors', () => {
  it.each([
    [['export', 'bad.js', '-o', 'bad.capsule'], 4, "bad.js:1:9: error CAP0001: Unexpected token ';'\n"],
    [['export', 'job.js', '-o', 'j.capsule'], 4, null],
    [['export', 'job.js', '--key', 'nope.key'], 2, "capsule export: --key: cannot read 'nope.key': no such file\n"],
    [['export', 'job.js', '-o', 'job.js'], 2, 'capsule export: the output would overwrite the script; pass -o NAME.capsule\n'],
    [['inspect', 'missing.capsule'], 2, "capsule inspect: cannot read 'missing.capsule': no such file\n"],
    [['run', 'job.js', '--public-key', 'release.key.pub'], 2, 'capsule run: --public-key applies to artifacts (.capsule files) only\n'],
    [['keygen'], 2, 'capsule keygen: missing -o KEYFILE (usage: capsule keygen -o KEYFILE)\n'],
  ] as [string[], number, string | null][])('capsule %j → exit %i', (args, code, stderr) => {
    const r = cli(...args);
    expect(r.code, r.stderr).toBe(code);
    if (stderr !== null) expect(r.stderr).toBe(stderr);
  });
});
