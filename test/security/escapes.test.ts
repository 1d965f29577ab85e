/**
 * The escape corpus: every program under test/security/escapes is one published sandbox
 * escape technique (header: id, technique, source, expected outcome). Each runs in this
 * process against planted canaries; a sample also runs through the CLI (`capsule run --json`)
 * and in the sidecar (`capsule run --isolate --json`). Any canary, any trace of the host in
 * what the guest returned or printed, or an unexpected outcome fails the test.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { capsule, ensureBundle, workspace } from '../cli/helpers';
import {
  capabilities,
  firedCanaries,
  hostModuleSource,
  hostState,
  INPUTS,
  leaks,
  loadCorpus,
  outcomeMatches,
  plantCanaries,
  PRELUDE,
  runInProcess,
  SECRET,
  stateDiff,
  type Technique,
} from './harness';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const corpus = loadCorpus();
let before: ReturnType<typeof hostState>;

beforeAll(() => {
  plantCanaries();
  before = hostState();
});

describe('escape corpus: the catalogue', () => {
  it('holds at least 60 techniques with unique ids, each citing its source', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.map((t) => t.id)).size).toBe(corpus.length);
    for (const t of corpus) {
      expect(t.source.length, t.id).toBeGreaterThan(10);
      expect(t.expect, t.id).toMatch(/^(result|runtime|rejected|capability|limit:\w+)$/);
    }
  });
});

describe('escape corpus: in-process (core/run.ts)', () => {
  it.each(corpus.map((t) => [t.id, t] as const))('%s holds', async (_id, t: Technique) => {
    const out = await runInProcess(t);
    expect(leaks(out), t.file).toEqual([]);
    expect(firedCanaries(), t.file).toEqual([]);
    expect(stateDiff(before, hostState()), t.file).toEqual([]);
    expect(out.outcome === 'host-fault' ? out.texts.join('\n') : out.outcome, t.file).not.toBe('host-fault');
    expect(outcomeMatches(t, out), `${t.file}: expected ${t.expect}, got ${out.outcome}${out.limit ? `:${out.limit}` : ''}\n${out.texts.join('\n').slice(0, 2000)}`).toBe(true);
    if (out.outcome === 'result') {
      // the program ran its attempts: the report is a non-empty list of lines
      expect(Array.isArray(out.value) && (out.value as unknown[]).length > 0, t.file).toBe(true);
    }
  });
});

describe('escape corpus: the detectors can fail', () => {
  // a deliberately leaky host proves each detector fires: otherwise "no leaks" would prove nothing
  it('flags a secret, a host path and a host frame handed over by a careless capability', async () => {
    const t: Technique = { id: 'self-test', technique: '', source: '', expect: 'result', cli: false, file: 'self-test', body: 'leak()' };
    const { run } = await import('../../core/index');
    const r = await run(t.body, { capabilities: { leak: () => `${SECRET} at /work/x/core/vm/interpreter.ts:12:3 (file:///work/x.js:1:1)` } });
    const found = leaks({ outcome: 'result', texts: [String(r.value)] });
    expect(found.some((f) => f.startsWith('secret'))).toBe(true);
    expect(found.some((f) => f.startsWith('host path'))).toBe(true);
    expect(found.some((f) => f.startsWith('host frame'))).toBe(true);
  });

  it('flags host prototype pollution, a written canary file and a modified shared object', async () => {
    const snapshot = hostState();
    (Object.prototype as Record<string, unknown>).polluted = 1;
    try {
      expect(stateDiff(snapshot, hostState())).toEqual(['added: Object.prototype.polluted']);
      expect(firedCanaries()).toContain('host Object.prototype polluted');
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    const { CANARY_FILE, HOST_SHARED } = await import('./harness');
    writeFileSync(CANARY_FILE, 'x');
    HOST_SHARED.count++;
    try {
      const fired = firedCanaries();
      expect(fired.some((f) => f.includes('canary file'))).toBe(true);
      expect(fired.some((f) => f.includes('shared object'))).toBe(true);
    } finally {
      const { rmSync } = await import('node:fs');
      rmSync(CANARY_FILE);
      HOST_SHARED.count--;
    }
    expect(firedCanaries()).toEqual([]);
  });

  it('flags a technique that reports its own success', () => {
    expect(leaks({ outcome: 'result', texts: ['["ESCAPED: it worked"]'] })).toHaveLength(1);
  });
});

describe('escape corpus: through the CLI, in-process and in the sidecar', () => {
  const sample = corpus.filter((t) => t.cli);
  let ws: { dir: string; cleanup: () => void };
  beforeAll(() => {
    ensureBundle();
    const files: Record<string, string> = { 'host.mjs': hostModuleSource() };
    for (const t of sample) files[t.file] = `${PRELUDE}\n${t.body}`;
    ws = workspace(files);
  });
  afterAll(() => ws?.cleanup());

  it('runs a sample of at least 10 techniques', () => {
    expect(sample.length).toBeGreaterThanOrEqual(10);
  });

  for (const mode of ['in-process', 'isolate'] as const) {
    it.each(sample.map((t) => [t.id, t] as const))(`%s holds through capsule run --json (${mode})`, (_id, t: Technique) => {
      const inputs = join(ws.dir, 'inputs.json');
      writeFileSync(inputs, JSON.stringify(INPUTS));
      const args = ['run', t.file, '--host', 'host.mjs', '--inputs', '@inputs.json', '--seed', '7', '--limits', '{"instructions":20000000,"timeMs":20000}', '--json', ...(mode === 'isolate' ? ['--isolate'] : [])];
      // the CLI's own environment carries the canaries, as a careless deployment would
      const r = capsule(args, ws.dir, { CAPSULE_CANARY_SECRET: SECRET, CAPSULE_CANARY_FILE: join(ws.dir, 'escaped.txt') });
      const texts = [r.stdout, r.stderr];
      expect(leaks({ outcome: 'result', texts }), `${t.file}\n${r.stdout}\n${r.stderr}`).toEqual([]);
      const last = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { ok: boolean; error?: { kind: string } };
      const kind = last.ok ? 'result' : last.error!.kind === 'Runtime' ? 'runtime' : last.error!.kind.toLowerCase();
      expect(kind === 'internal' ? r.stderr : kind, t.file).toBe(t.expect.startsWith('limit:') ? 'limit' : t.expect === 'rejected' ? kind : t.expect);
      expect(firedCanaries(), t.file).toEqual([]);
      expect(existsSync(join(ws.dir, 'escaped.txt')), t.file).toBe(false);
    });
  }
});

afterAll(() => {
  // nothing any program did changed the host's intrinsics or globals
  expect(stateDiff(before, hostState())).toEqual([]);
  void capabilities;
});
