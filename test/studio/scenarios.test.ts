/**
 * The scenario service (main/services/scenarios.ts) over the bridge's handler: `scenario.list`
 * reads the workspace's scenarios files, `scenario.run` runs one in a sidecar through the
 * session service — the examples pass, the fixture's deliberate failures fail with the same
 * diffs `capsule test` prints, ask-me calls are answered from the scenario or fail clearly.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../main/services';
import type { ScenarioList, ScenarioRunResult, WorkspaceState } from '../../preload/api';
import { ensureBundle } from '../cli/helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const ROOT = resolve(import.meta.dirname, '../..');
let tmp = '';
beforeAll(() => {
  ensureBundle();
  tmp = mkdtempSync(join(tmpdir(), 'capsule-scenarios-'));
  cpSync(join(ROOT, 'examples'), join(tmp, 'examples'), { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/failing-scenarios'), join(tmp, 'failing'), { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let services: Services | null = null;
afterEach(async () => {
  await services?.dispose();
  services = null;
});

async function open(dir: string): Promise<Services> {
  services = createServices({ mode: 'browser' });
  await services.workspace.open(dir);
  return services;
}

async function ok<T>(p: Promise<{ ok: boolean; result?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`request failed: ${JSON.stringify(r)}`);
  return r.result as T;
}

describe('scenario.list', () => {
  it('lists every example script with its configurations and scenarios', async () => {
    const s = await open(join(tmp, 'examples'));
    const list = await ok<ScenarioList>(s.handle('scenario.list', undefined));
    expect(list.problems).toEqual([]);
    expect(list.suites.map((x) => x.script)).toEqual(['approval-workflow.js', 'data-reconciliation.js', 'incident-triage.js', 'research-brief.js']);
    const approval = list.suites[0];
    expect(approval).toMatchObject({ file: 'approval-workflow.scenarios.json', mocks: 'approval-workflow.mocks.json' });
    expect(approval.configurations[0]).toMatchObject({ name: 'Office chairs (auto-approved)', inputs: { request: { id: 'PR-1042', amount: 240 } }, now: Date.UTC(2024, 4, 1, 9) });
    expect(approval.scenarios.find((x) => x.name === 'an approval inbox outage fails the run')).toEqual({
      name: 'an approval inbox outage fails the run',
      configuration: 'Cloud credits (manager approves)',
      expects: 'error',
    });
  });

  it('reports an invalid scenarios file with the place and lists the others', async () => {
    const dir = mkdtempSync(join(tmp, 'bad-'));
    writeFileSync(join(dir, 'a.js'), '1\n');
    writeFileSync(join(dir, 'a.scenarios.json'), JSON.stringify({ scenarios: [{ name: 'x', expect: { result: 1 } }] }));
    writeFileSync(join(dir, 'b.js'), '1\n');
    writeFileSync(join(dir, 'b.scenarios.json'), JSON.stringify({ scenarios: [{ name: 'x', inputs: [], expect: { result: 1 } }] }));
    const s = await open(dir);
    const list = await ok<ScenarioList>(s.handle('scenario.list', undefined));
    expect(list.suites.map((x) => x.file)).toEqual(['a.scenarios.json']);
    expect(list.problems).toEqual([{ file: 'b.scenarios.json', message: 'scenarios[0].inputs: must be object (see docs/SCENARIOS.md)' }]);
  });
});

describe('the workspace checks scenarios files', () => {
  it('reports a bad scenarios file at the line of the offending entry, on open and on save', async () => {
    const dir = mkdtempSync(join(tmp, 'check-'));
    writeFileSync(join(dir, 'a.js'), 'n\n');
    const bad = ['{', '  "scenarios": [', '    { "name": "ok", "inputs": { "n": 1 }, "expect": { "result": 1 } },', '    { "name": "typo", "expect": { "reslt": 1 } }', '  ]', '}'].join('\n');
    writeFileSync(join(dir, 'a.scenarios.json'), bad);
    const s = await open(dir);
    const state = await ok<WorkspaceState>(s.handle('workspace.state', undefined));
    expect(state.problems).toEqual([
      { path: 'a.scenarios.json', line: 4, column: 33, message: "scenarios[1].expect: must NOT have additional properties 'reslt' (see docs/SCENARIOS.md)" },
    ]);
    const saved = await ok<{ problems: unknown[] }>(
      s.handle('workspace.write', { path: 'a.scenarios.json', text: JSON.stringify({ scenarios: [{ name: 'x', configuration: 'Nope', expect: { result: 1 } }] }) }),
    );
    expect(saved.problems).toEqual([{ path: 'a.scenarios.json', line: 1, column: 15, message: "scenarios[0] 'x': no configuration named 'Nope' (have: none)" }]);
    const fixed = await ok<{ problems: unknown[] }>(s.handle('workspace.write', { path: 'a.scenarios.json', text: JSON.stringify({ scenarios: [{ name: 'x', inputs: { n: 1 }, expect: { result: 1 } }] }) }));
    expect(fixed.problems).toEqual([]);
  });
});

describe('scenario.run', () => {
  it('runs an example that waits on a human: the answers come from the scenario; it passes', async () => {
    const s = await open(join(tmp, 'examples'));
    const shown: string[] = [];
    s.events.subscribe((m) => shown.push(m.event));
    const events: string[] = [];
    s.scenarios.sessions.events.subscribe((m) => events.push(m.event));
    const r = await ok<ScenarioRunResult>(s.handle('scenario.run', { file: 'approval-workflow.scenarios.json', name: 'finance rejects after the manager approved' }));
    expect(r).toMatchObject({ status: 'passed', diff: [], script: 'approval-workflow.js' });
    expect(r.actual).toMatchObject({ ok: true, value: { status: 'declined', reason: 'finance-approvals@example.com rejected it: get a second quote first' } });
    expect(r.console).toEqual([{ level: 'log', text: 'PR-1043: declined (finance-approvals@example.com rejected it: get a second quote first)' }]);
    // it went through the session service: a sidecar session, suspended at the ask calls
    expect(events).toContain('session.suspended');
    expect(events).toContain('session.done');
    expect(s.scenarios.sessions.count).toBe(0);
    // background work: nothing reaches the renderer's debugging views (console, budget, call log)
    expect(shown.filter((e) => e.startsWith('session.'))).toEqual([]);
  });

  it('passes an expected error and a limit the same way capsule test does', async () => {
    const s = await open(join(tmp, 'examples'));
    const outage = await ok<ScenarioRunResult>(s.handle('scenario.run', { file: 'incident-triage.scenarios.json', name: 'a failing deploy API stops the triage' }));
    expect(outage).toMatchObject({ status: 'passed', actual: { ok: false, error: { kind: 'Runtime', name: 'Error', message: 'deploy API unavailable (503)' } } });
    const limit = await ok<ScenarioRunResult>(s.handle('scenario.run', { file: 'incident-triage.scenarios.json', name: 'a tight instruction budget stops the run' }));
    expect(limit).toMatchObject({ status: 'passed', actual: { ok: false, error: { kind: 'Limit', name: 'LimitError' } } });
  });

  it('fails a wrong expectation with a diff, and an unanswered ask-me call with a clear message', async () => {
    const s = await open(join(tmp, 'failing'));
    const wrong = await ok<ScenarioRunResult>(s.handle('scenario.run', { file: 'order-total.scenarios.json', name: 'a wrong expectation fails with a diff' }));
    expect(wrong.status).toBe('failed');
    expect(wrong.diff).toEqual(['result.discount: expected 15, got 10', 'result.total: expected 144.5, got 153', 'result.currency: missing (expected "EUR")']);
    expect(wrong.expected).toEqual({ result: { subtotal: 170, discount: 15, total: 144.5, currency: 'EUR' } });
    expect(wrong.actual).toEqual({ ok: true, value: { subtotal: 170, discount: 10, total: 153 } });
    const unanswered = await ok<ScenarioRunResult>(s.handle('scenario.run', { file: 'order-total.scenarios.json', name: 'an ask-me call without an answer fails clearly' }));
    expect(unanswered).toMatchObject({ status: 'failed', actual: null });
    expect(unanswered.diff).toEqual([
      'signOff({"total":600}) asks the user and the scenario has no answer for call 1 (it gives 0); add one to "answers": { "signOff": [{ "returns": … }] }',
    ]);
    // the waiting session was closed, not left behind
    expect(s.scenarios.sessions.count).toBe(0);
  });

  it('marks a script that does not validate invalid, with file:line:col diagnostics', async () => {
    const dir = mkdtempSync(join(tmp, 'invalid-'));
    writeFileSync(join(dir, 'e.js'), 'const x = 1;\neval("x")\n');
    writeFileSync(join(dir, 'e.scenarios.json'), JSON.stringify({ scenarios: [{ name: 'uses eval', expect: { result: 1 } }] }));
    const s = await open(dir);
    const r = await ok<ScenarioRunResult>(s.handle('scenario.run', { file: 'e.scenarios.json', name: 'uses eval' }));
    expect(r.status).toBe('invalid');
    expect(r.diff[0]).toMatch(/^e\.js:2:1: error CAP1001: 'eval' is not supported/);
  });

  it('refuses bad requests with readable messages, and files outside the workspace', async () => {
    const dir = mkdtempSync(join(tmp, 'refuse-'));
    const outside = mkdtempSync(join(tmp, 'outside-'));
    writeFileSync(join(outside, 'secret.js'), '42\n');
    symlinkSync(join(outside, 'secret.js'), join(dir, 'link.js'));
    writeFileSync(join(dir, 'link.scenarios.json'), JSON.stringify({ scenarios: [{ name: 'x', expect: { result: 42 } }] }));
    const s = await open(dir);
    const message = async (params: unknown) => ((await s.handle('scenario.run', params)) as { error?: { message: string } }).error?.message;
    expect(await message(undefined)).toBe('scenario.run needs { file, name }: a scenarios file and a scenario name');
    expect(await message({ file: '../x.scenarios.json', name: 'x' })).toBe("'../x.scenarios.json' is not a scenarios file of the workspace");
    expect(await message({ file: 'nope.scenarios.json', name: 'x' })).toBe("nope.scenarios.json: cannot read scenarios file 'nope.scenarios.json': no such file");
    expect(await message({ file: 'link.scenarios.json', name: 'y' })).toBe("link.scenarios.json: cannot read the script 'link.js': it leads outside the workspace");
    const list = await ok<ScenarioList>(s.handle('scenario.list', undefined));
    expect(list.problems).toEqual([{ file: 'link.scenarios.json', message: "cannot read the script 'link.js': it leads outside the workspace" }]);
  });
});
