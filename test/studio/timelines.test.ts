/** The timeline service: recording with mocks, answers and forks, restoring into a debug session, compare, save and load. */
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CapabilitySet } from '../../core/capabilities';
import { checkMocks, mockCapabilities } from '../../core/cli/mocks';
import { createServices, type Services } from '../../main/services';
import { mockAnswers } from '../../main/services/timelines';
import type { SessionView, TimelineInspection, TimelineView } from '../../preload/api';
import { ensureBundle } from '../cli/helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const examples = resolve(import.meta.dirname, '../../examples');
const SOURCE = readFileSync(join(examples, 'approval-workflow.js'), 'utf8');
const MOCKS = JSON.parse(readFileSync(join(examples, 'approval-workflow.mocks.json'), 'utf8')) as unknown;
const REQUEST = { id: 'PR-1044', requester: 'ada@example.com', vendor: 'Northwind Cloud', amount: 4200, currency: 'USD', purpose: 'cloud credits' };
const RUN = { source: SOURCE, mocks: MOCKS, inputs: { request: REQUEST }, now: Date.parse('2024-05-01T09:00:00Z'), seed: 7 };

let services: Services;
let dir: string;
beforeAll(async () => {
  ensureBundle();
  dir = join(mkdtempSync(join(tmpdir(), 'capsule-timeline-')), 'ws');
  cpSync(examples, dir, { recursive: true });
  services = createServices({ mode: 'browser' });
  await services.workspace.open(dir);
});
afterAll(() => services?.dispose());

async function call<T>(method: string, params: unknown): Promise<T> {
  const r = await services.handle(method, params);
  if (!r.ok) throw new Error(r.error.message);
  return r.result as T;
}

describe('timelines', () => {
  it('records mocked suspensions, stops for the user, forks with other answers, restores, compares, saves and loads', async () => {
    const t = await call<TimelineView>('timeline.open', RUN);
    // lookupEmployee + screenVendor, getBudget, then requestApproval waits for a person
    const capsOf = (n: number) => t.nodes[n]!.calls.map((c) => c.capability);
    expect(capsOf(0).sort()).toEqual(['lookupEmployee', 'screenVendor']);
    expect(capsOf(1)).toEqual(['getBudget']);
    const ask = t.nodes[t.last]!;
    expect(ask.calls.map((c) => c.capability)).toEqual(['requestApproval']);
    expect(ask.children).toEqual([]);
    const callId = ask.calls[0]!.id;

    const approved = await call<TimelineView>('timeline.answer', { id: t.id, node: ask.id, answers: [{ id: callId, value: { decision: 'approve' } }] });
    const end = approved.nodes[approved.last]!;
    expect(end).toMatchObject({ status: 'completed', value: { status: 'approved', purchaseOrder: expect.stringMatching(/^PO-/) } });
    expect(end.console).toEqual([{ level: 'log', text: 'PR-1044: approved' }]);

    // fork: the same node answered "reject" is a second branch with another result
    const rejected = await call<TimelineView>('timeline.answer', { id: t.id, node: ask.id, answers: [{ id: callId, value: { decision: 'reject', comment: 'not now' } }] });
    expect(rejected.nodes[ask.id]!.children).toHaveLength(2);
    const other = rejected.nodes[rejected.last]!;
    expect(other.value).toMatchObject({ status: 'declined', reason: expect.stringContaining('not now') });
    expect(other.parent).not.toBe(end.parent);

    // compare: the states of two nodes (the employee, screening and budget answers arrived in between)
    const a = await call<TimelineInspection>('timeline.inspect', { id: t.id, node: 0 });
    const b = await call<TimelineInspection>('timeline.inspect', { id: t.id, node: ask.id });
    expect(a.heap!.nodes.length).toBeGreaterThan(0);
    const previews = (i: TimelineInspection) => i.heap!.nodes.map((n) => n.preview);
    expect(previews(a)).not.toContain('{name, manager, costCenter}');
    expect(previews(b)).toContain('{name, manager, costCenter}');
    // the script awaits requestApproval: its variables at that node
    expect(b.stack.map((f) => [f.name, f.asyncCaller])).toEqual([['<script>', true]]);
    expect(b.scopes.flatMap((s) => s.variables.map((v) => v.name))).toEqual(expect.arrayContaining(['employee', 'budget', 'approvers']));
    expect((await call<TimelineInspection>('timeline.inspect', { id: t.id, node: end.id })).heap).toBeNull();

    // restore: a debug session paused at the node's suspension; continuing asks the user again
    const view = await call<SessionView>('timeline.restore', { id: t.id, node: ask.id });
    expect(view.status).toBe('paused');
    expect(view.budget?.instructions).toBe(ask.instructions);
    const resumed = await call<{ view: SessionView }>('session.debug', { id: view.id, command: 'continue' });
    expect(resumed.view).toMatchObject({ status: 'waiting', calls: [{ capability: 'requestApproval' }] });
    const done = await call<SessionView>('session.continue', { id: view.id, answers: [{ id: callId, value: { decision: 'approve' } }] });
    expect(done).toMatchObject({ status: 'done', value: { status: 'approved' } });
    await call('session.close', { id: view.id });
    await expect(call('timeline.restore', { id: t.id, node: end.id })).rejects.toThrow(/no state to restore/);

    // save, load: the same tree, and a loaded node forks
    const saved = await call<{ path: string; bytes: number }>('timeline.save', { id: t.id, path: '.capsule/timelines/approval-workflow.timeline' });
    expect(saved.bytes).toBeGreaterThan(100);
    await call('timeline.close', { id: t.id });
    await expect(call('timeline.inspect', { id: t.id, node: 0 })).rejects.toThrow(/no timeline/);
    const loaded = await call<TimelineView>('timeline.open', { ...RUN, load: saved.path });
    expect(loaded.nodes.map((n) => [n.id, n.parent, n.status])).toEqual(rejected.nodes.map((n) => [n.id, n.parent, n.status]));
    const again = await call<TimelineView>('timeline.answer', { id: loaded.id, node: ask.id, answers: [{ id: callId, value: { decision: 'approve', comment: 'ok' } }] });
    expect(again.nodes[ask.id]!.children).toHaveLength(3);
    await call('timeline.close', { id: loaded.id });
  });

  it('signs with the key of the workspace, so a saved timeline restores after a restart of the services', async () => {
    const t = await call<TimelineView>('timeline.open', RUN);
    await call('timeline.save', { id: t.id, path: 'restart.timeline' });
    await call('timeline.close', { id: t.id });
    expect(readFileSync(join(dir, '.capsule/timeline.key'), 'utf8')).toMatch(/^[A-Za-z0-9+/=]{40,}\n$/);
    expect(statSync(join(dir, '.capsule/timeline.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, '.capsule/.gitignore'), 'utf8')).toContain('timeline.key');
    const other = createServices({ mode: 'browser' });
    try {
      await other.workspace.open(dir);
      const r = await other.handle('timeline.open', { ...RUN, load: 'restart.timeline' });
      expect(r.ok).toBe(true);
      const loaded = (r as { result: TimelineView }).result;
      const restored = await other.handle('timeline.restore', { id: loaded.id, node: loaded.last });
      expect(restored).toMatchObject({ ok: true, result: { status: 'paused' } });
    } finally {
      await other.dispose();
    }
    // a file signed with another key loads and draws, but its states say why they cannot be opened
    writeFileSync(join(dir, '.capsule/timeline.key'), `${Buffer.alloc(32, 7).toString('base64')}\n`);
    const foreign = await call<TimelineView>('timeline.open', { ...RUN, load: 'restart.timeline' });
    await expect(call('timeline.restore', { id: foreign.id, node: foreign.last })).rejects.toThrow(/another signing key/);
    await call('timeline.close', { id: foreign.id });
  });

  it('refuses corrupt files, files of another script, paths outside the workspace and bad parameters with clear messages', async () => {
    writeFileSync(join(dir, 'broken.timeline'), 'this is not a timeline');
    await expect(call('timeline.open', { ...RUN, load: 'broken.timeline' })).rejects.toThrow(/Not a usable timeline file/);
    const t = await call<TimelineView>('timeline.open', RUN);
    await call('timeline.save', { id: t.id, path: 'a.timeline' });
    await call('timeline.close', { id: t.id });
    await expect(call('timeline.open', { ...RUN, source: `${SOURCE}\n// edited`, load: 'a.timeline' })).rejects.toThrow(/different program/);
    await expect(call('timeline.open', { ...RUN, load: '../outside.timeline' })).rejects.toThrow(/outside|workspace/i);
    await expect(call('timeline.open', { ...RUN, load: 'missing.timeline' })).rejects.toThrow(/cannot read missing.timeline/);
    await expect(call('timeline.open', { ...RUN, debug: true })).rejects.toThrow(/unknown timeline parameter debug/);
    // only *.timeline files: not the workspace's keys, not its scripts
    await expect(call('timeline.open', { ...RUN, load: '.capsule/timeline.key' })).rejects.toThrow(/ends in \.timeline/);
    const u = await call<TimelineView>('timeline.open', RUN);
    await expect(call('timeline.save', { id: u.id, path: 'approval-workflow.js' })).rejects.toThrow(/ends in \.timeline/);
    await call('timeline.close', { id: u.id });
    expect(readFileSync(join(dir, 'approval-workflow.js'), 'utf8')).toBe(SOURCE);
    await expect(call('timeline.answer', { id: 'nope', node: 0, answers: [{ id: 1 }] })).rejects.toThrow(/no timeline/);
    await expect(call('timeline.open', { source: 'const = ;' })).rejects.toThrow(/cannot run/);
    // every session was closed again
    expect(services.sessions.count).toBe(0);
  });
});

describe('mock answers while recording', () => {
  const caps = mockCapabilities(
    checkMocks(
      {
        capabilities: {
          add: { args: { type: 'array', items: [{ type: 'number' }] }, script: 'args[0] + 1' },
          down: { error: { name: 'Unavailable', message: 'down for maintenance' } },
          approve: { ask: 'Approve?' },
        },
      },
      'mocks',
    ),
    'mocks',
    { askUser: true },
  );
  const checks = new CapabilitySet(caps);
  const call = (id: number, capability: string, args: unknown[]) => ({ id, capability, args });

  it('answers every call from its mock: values, deliberate failures, arguments that break the schema', () => {
    expect(mockAnswers(caps, checks, [call(1, 'add', [41]), call(2, 'down', []), call(3, 'add', ['x'])])).toEqual([
      { id: 1, value: 42 },
      { id: 2, error: { name: 'Unavailable', message: 'down for maintenance' } },
      { id: 3, error: { name: 'TypeError', message: expect.stringMatching(/^add\(\): .*number/) } },
    ]);
  });

  it('stops for the user when one call is "ask me" or has no mock', () => {
    expect(mockAnswers(caps, checks, [call(1, 'add', [1]), call(2, 'approve', [])])).toBeNull();
    expect(mockAnswers(caps, checks, [call(1, 'unknown', [])])).toBeNull();
  });
});
