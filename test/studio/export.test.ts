/**
 * The export service (main/services/export.ts) over the bridge's handler: `export.check`
 * validates and runs every scenario of a script, `export.write` signs and writes the artifact
 * only for a passed, still current check. The written file loads and verifies with core's loader
 * and runs to the scenario's expected result; the CLI's `capsule export` writes the same format.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { artifactCapabilities, loadArtifact, run } from '../../core/index';
import { mockCapabilities, type MocksFile } from '../../core/cli/mocks';
import { loadSuite } from '../../core/cli/scenarios';
import { createServices, type Services } from '../../main/services';
import { filesUnder } from '../../main/services/scenarios';
import type { EventMessage, ExportCheck, ExportKeyInfo, ExportWritten, WorkspaceState } from '../../preload/api';
import { capsule, ensureBundle } from '../cli/helpers';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

const ROOT = resolve(import.meta.dirname, '../..');
let tmp = '';
beforeAll(() => {
  ensureBundle();
  tmp = mkdtempSync(join(tmpdir(), 'capsule-export-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let services: Services | null = null;
afterEach(async () => {
  await services?.dispose();
  services = null;
});

let copies = 0;
/** A fresh copy of examples/ (without recovery journals), opened in new services. */
async function openCopy(edit?: (dir: string) => void): Promise<{ s: Services; dir: string }> {
  const dir = join(tmp, `ws${copies++}`);
  cpSync(join(ROOT, 'examples'), dir, { recursive: true, filter: (src) => !src.includes('recovery') });
  edit?.(dir);
  services = createServices({ mode: 'browser' });
  await services.workspace.open(dir);
  return { s: services, dir };
}

async function ok<T>(p: Promise<{ ok: boolean; result?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`request failed: ${JSON.stringify(r)}`);
  return r.result as T;
}

async function refused(p: Promise<{ ok: boolean; result?: unknown; error?: { message: string } }>): Promise<string> {
  const r = await p;
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.result).slice(0, 300)}`);
  return r.error!.message;
}

describe('export.check and export.write', () => {
  it('checks, writes a signed artifact that loads, verifies and runs to the scenario result', async () => {
    const { s, dir } = await openCopy();
    const progress: unknown[] = [];
    s.events.subscribe((m: EventMessage) => {
      if (m.event === 'export.progress') progress.push(m.payload);
    });
    const check = await ok<ExportCheck>(s.handle('export.check', { script: 'incident-triage.js', token: 't1' }));
    expect(check.refusals).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(check.scenarios.map((r) => [r.name, r.status])).toEqual([
      ['checkout outage pages the on-call engineer', 'passed'],
      ['a quiet hour pages nobody', 'passed'],
      ['a failing deploy API stops the triage', 'passed'],
      ['a tight instruction budget stops the run', 'passed'],
    ]);
    // progress: a start and an end per scenario, counting up to 4
    expect(progress).toHaveLength(8);
    expect(progress[0]).toMatchObject({ token: 't1', total: 4, done: 0, running: 'checkout outage pages the on-call engineer' });
    expect(progress[7]).toMatchObject({ token: 't1', total: 4, done: 4, running: null, result: { status: 'passed' } });
    expect(check.capabilities.map((c) => c.name).sort()).toEqual(['listDeploys', 'lookupOwner', 'queryMetrics', 'searchLogs']);
    expect(check.capabilities.find((c) => c.name === 'searchLogs')).toMatchObject({ description: expect.any(String), args: { type: 'array' }, result: { type: 'object' } });
    expect(check.limits.instructions).toBe(2_000_000); // from the "Default" configuration
    expect(check.configuration).toBe('Default');
    expect(check.output).toBe('dist/incident-triage.capsule');
    expect(check.key).toMatchObject({ path: '.capsule/signing-key.pem', exists: false, willCreate: true });
    expect(existsSync(join(dir, 'dist'))).toBe(false); // a check writes nothing

    const limits = { ...check.limits, instructions: 3_000_000 };
    const written = await ok<ExportWritten>(s.handle('export.write', { checkId: check.checkId, output: check.output, key: check.key.path, limits }));
    expect(written).toMatchObject({ output: 'dist/incident-triage.capsule', keyCreated: true, publicKeyPath: '.capsule/signing-key.pem.pub' });
    expect(written.manifest.limits.instructions).toBe(3_000_000);

    // the key pair as `capsule keygen` writes it, kept out of git and out of the renderer's reach
    const keyFile = join(dir, '.capsule/signing-key.pem');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, '.capsule/.gitignore'), 'utf8')).toMatch(/^signing-key\.pem$/m);
    expect(await refused(s.handle('workspace.read', { path: '.capsule/signing-key.pem' }))).toMatch(/private signing key/);
    expect(await refused(s.handle('workspace.write', { path: '.capsule/signing-key.pem', text: 'x' }))).toMatch(/private signing key/);
    const state = await ok<WorkspaceState>(s.handle('workspace.state', undefined));
    expect(state.files.map((f) => f.path)).not.toContain('.capsule/signing-key.pem');
    expect(state.files.map((f) => f.path)).toContain('dist/incident-triage.capsule');
    const keyInfo = await ok<ExportKeyInfo>(s.handle('export.key', { path: '.capsule/signing-key.pem' }));
    expect(keyInfo).toMatchObject({ exists: true, fingerprint: written.fingerprint, publicKeyPath: '.capsule/signing-key.pem.pub' });
    expect(JSON.stringify(keyInfo)).not.toContain('PRIVATE KEY');

    // core's loader, with the public key from beside the private one
    const bytes = new Uint8Array(readFileSync(join(dir, 'dist/incident-triage.capsule')));
    expect(bytes.length).toBe(written.bytes);
    const artifact = loadArtifact(bytes, { publicKey: readFileSync(join(dir, '.capsule/signing-key.pem.pub'), 'utf8') });
    expect(artifact.signer).toMatchObject({ ephemeral: false, verifiedWith: 'publicKey', fingerprint: written.fingerprint });
    expect(artifact.name).toBe('incident-triage.js');
    expect(artifact.manifest.limits.instructions).toBe(3_000_000);
    expect(artifact.programHash).toBe(written.programHash);

    // it runs, without recompiling, to what the first scenario expects
    const suite = loadSuite(filesUnder(dir), 'incident-triage.scenarios.json');
    const scenario = suite.scenarios[0]!;
    const handlers = Object.fromEntries(
      mockCapabilities(JSON.parse(readFileSync(join(dir, 'incident-triage.mocks.json'), 'utf8')) as MocksFile, 'mocks', { seed: scenario.seed }).map((c) => [c.name, c.handler!]),
    );
    const result = await run(artifact.program, {
      inputs: scenario.inputs,
      limits: artifact.manifest.limits,
      seed: scenario.seed,
      ...(scenario.now !== undefined ? { now: () => scenario.now! } : {}),
      capabilities: artifactCapabilities(artifact, handlers),
    });
    expect(result.value).toEqual((scenario.expect as { result: unknown }).result);

    // a second export reuses the key
    const again = await ok<ExportCheck>(s.handle('export.check', { script: 'incident-triage.js' }));
    expect(again.key).toMatchObject({ exists: true, fingerprint: written.fingerprint, willCreate: false });
    const second = await ok<ExportWritten>(s.handle('export.write', { checkId: again.checkId, output: 'dist/second.capsule', key: again.key.path, limits: again.limits }));
    expect(second).toMatchObject({ keyCreated: false, fingerprint: written.fingerprint });
  });

  it('refuses a script that does not validate: diagnostics with their places, no scenario run, no file', async () => {
    const { s, dir } = await openCopy((d) => writeFileSync(join(d, 'incident-triage.js'), `${readFileSync(join(d, 'incident-triage.js'), 'utf8')}\neval('1');\n`));
    const check = await ok<ExportCheck>(s.handle('export.check', { script: 'incident-triage.js' }));
    expect(check.ok).toBe(false);
    const lines = readFileSync(join(dir, 'incident-triage.js'), 'utf8').split('\n').length;
    const evalError = check.diagnostics.find((d) => d.code === 'CAP1001');
    expect(evalError).toMatchObject({ severity: 'error', line: lines - 1, column: 1 });
    expect(check.refusals[0]).toMatch(new RegExp(`^incident-triage\\.js does not validate: 1 error \\(first at ${lines - 1}:1 CAP1001 `));
    expect(check.scenarios).toEqual([]);
    expect(check.warnings).toContain('4 scenarios were not run: the script does not validate');
    const message = await refused(s.handle('export.write', { checkId: check.checkId, output: 'dist/x.capsule', key: '.capsule/signing-key.pem', limits: check.limits }));
    expect(message).toMatch(/^Export refused: incident-triage\.js does not validate/);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    expect(existsSync(join(dir, '.capsule/signing-key.pem'))).toBe(false);
  });

  it('refuses a script whose scenario fails, saying which and how', async () => {
    const { s, dir } = await openCopy((d) => {
      const file = join(d, 'incident-triage.scenarios.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"severity": "sev2"', '"severity": "sev1"'));
    });
    const check = await ok<ExportCheck>(s.handle('export.check', { script: 'incident-triage.js' }));
    expect(check.ok).toBe(false);
    expect(check.scenarios.map((r) => r.status)).toEqual(['failed', 'passed', 'passed', 'passed']);
    expect(check.scenarios[0]!.diff).toContain('result.severity: expected "sev1", got "sev2"');
    expect(check.refusals).toEqual([`scenario 'checkout outage pages the on-call engineer' failed: result.severity: expected "sev1", got "sev2"`]);
    const message = await refused(s.handle('export.write', { checkId: check.checkId, output: 'dist/incident-triage.capsule', key: '.capsule/signing-key.pem', limits: check.limits }));
    expect(message).toBe(`Export refused: scenario 'checkout outage pages the on-call engineer' failed: result.severity: expected "sev1", got "sev2"`);
    expect(existsSync(join(dir, 'dist/incident-triage.capsule'))).toBe(false);
  });

  it('refuses when the script changed since the check, an unknown check, a missing chosen key and bad paths', async () => {
    const { s, dir } = await openCopy();
    const check = await ok<ExportCheck>(s.handle('export.check', { script: 'research-brief.js' }));
    expect(check.ok).toBe(true);
    const base = { checkId: check.checkId, output: 'dist/r.capsule', key: '.capsule/signing-key.pem', limits: check.limits };
    expect(await refused(s.handle('export.write', { ...base, checkId: 'nope' }))).toMatch(/no longer current; check again/);
    expect(await refused(s.handle('export.write', { ...base, output: '../r.capsule' }))).toMatch(/^output: path .* leaves the workspace/);
    expect(await refused(s.handle('export.write', { ...base, output: 'dist/r.js' }))).toMatch(/must end in \.capsule/);
    expect(await refused(s.handle('export.write', { ...base, key: 'keys/release.key' }))).toMatch(/no signing key at keys\/release\.key; create one with `capsule keygen -o keys\/release\.key`/);
    expect(await refused(s.handle('export.write', { ...base, limits: { ...check.limits, instructions: -1 } }))).toMatch(/limits\.instructions must be a whole number/);
    expect(await refused(s.handle('export.write', { ...base, key: 'research-brief.mocks.json' }))).toMatch(/not an Ed25519 private key/);
    writeFileSync(join(dir, 'research-brief.js'), `${readFileSync(join(dir, 'research-brief.js'), 'utf8')}\n// edited\n`);
    expect(await refused(s.handle('export.write', base))).toMatch(/changed since the check; check again/);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    expect(await refused(s.handle('export.check', { script: '../etc/passwd.js' }))).toMatch(/leaves the workspace/);
  });

  it('writes the format `capsule export` writes: same manifest and program hash, both verify with the key', async () => {
    const { s, dir } = await openCopy();
    for (const [script, inputs] of [
      ['incident-triage.js', []],
      ['approval-workflow.js', ['request']],
    ] as const) {
      const check = await ok<ExportCheck>(s.handle('export.check', { script }));
      expect(check.ok).toBe(true);
      expect(check.inputs).toEqual(inputs);
      const stem = script.replace('.js', '');
      const written = await ok<ExportWritten>(s.handle('export.write', { checkId: check.checkId, output: `dist/${stem}.capsule`, key: check.key.path, limits: check.limits }));
      const cliArgs = ['export', script, '-o', `cli-${stem}.capsule`, '--key', '.capsule/signing-key.pem', '--capabilities', `${stem}.mocks.json`, '--limits', JSON.stringify(check.limits)];
      if (inputs.length > 0) cliArgs.push('--inputs-schema', JSON.stringify({ type: 'object', properties: Object.fromEntries(inputs.map((n) => [n, {}])) }));
      const cli = capsule(cliArgs, dir);
      expect(cli.stderr).toBe('');
      expect(cli.code).toBe(0);
      expect(cli.stdout).toContain(`signed by ${written.fingerprint}`);
      const publicKey = readFileSync(join(dir, '.capsule/signing-key.pem.pub'), 'utf8');
      const studioBytes = new Uint8Array(readFileSync(join(dir, `dist/${stem}.capsule`)));
      const cliBytes = new Uint8Array(readFileSync(join(dir, `cli-${stem}.capsule`)));
      expect(Buffer.from(studioBytes.subarray(0, 10))).toEqual(Buffer.from(cliBytes.subarray(0, 10))); // magic and format version
      const fromStudio = loadArtifact(studioBytes, { publicKey });
      const fromCli = loadArtifact(cliBytes, { publicKey });
      expect(fromStudio.programHash).toBe(fromCli.programHash);
      expect(fromStudio.manifest.capabilities).toEqual(fromCli.manifest.capabilities);
      expect(fromStudio.manifest.limits).toEqual(fromCli.manifest.limits);
      expect(fromStudio.manifest.inputs.names).toEqual(fromCli.manifest.inputs.names);
      expect([fromStudio.formatVersion, fromStudio.coreVersion, fromStudio.name]).toEqual([fromCli.formatVersion, fromCli.coreVersion, fromCli.name]);
      expect(fromStudio.sourceMap).toEqual(fromCli.sourceMap);
      // and `capsule inspect` reads the studio's artifact
      const inspect = capsule(['inspect', `dist/${stem}.capsule`, '--public-key', '.capsule/signing-key.pem.pub'], dir);
      expect(inspect.code).toBe(0);
      expect(inspect.stdout).toContain('verified against --public-key');
    }
  });
});
