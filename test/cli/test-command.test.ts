// capsule test: the examples' scenarios pass (CI runs them through this test), a fixture
// workspace with deliberate failures exits 1 with readable diffs, invalid files exit 4.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capsule, ensureBundle, lastJson, ROOT, workspace } from './helpers';

const FIXTURE = 'test/fixtures/failing-scenarios';
// whole workspaces run in one process: allow for a slow, shared machine (not a timing assertion)
const test = (...args: string[]) => capsule(['test', ...args], ROOT, {}, undefined, 180_000);

beforeAll(() => ensureBundle());

describe('capsule test examples', () => {
  it('runs every scenario of every example script and exits 0', () => {
    const r = test('examples');
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    const scenarioLines = lines.filter((l) => /^[✓✗] /.test(l));
    // one line per scenario, each a pass; every example script has scenarios
    expect(scenarioLines.length).toBeGreaterThanOrEqual(16);
    expect(scenarioLines.every((l) => l.startsWith('✓ '))).toBe(true);
    for (const script of ['incident-triage.js', 'data-reconciliation.js', 'research-brief.js', 'approval-workflow.js']) {
      expect(scenarioLines.filter((l) => l.startsWith(`✓ ${script} › `)).length).toBeGreaterThanOrEqual(3);
    }
    expect(lines.at(-1)).toMatch(new RegExp(`^${scenarioLines.length} scenarios: ${scenarioLines.length} passed \\(`));
    expect(r.code).toBe(0);
  });
});

describe('capsule test: failures', () => {
  it('exits 1 and shows expected vs actual for each failing scenario', () => {
    const r = test(FIXTURE);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toMatch(/^✓ order-total\.js › a small order passes \(\d+(\.\d)? m?s\)$/m);
    expect(out).toMatch(
      /✗ order-total\.js › a wrong expectation fails with a diff \(.*\)\n {4}result\.discount: expected 15, got 10\n {4}result\.total: expected 144\.5, got 153\n {4}result\.currency: missing \(expected "EUR"\)\n/,
    );
    expect(out).toMatch(/✗ order-total\.js › an expected error that does not happen fails .*\n {4}expected RangeError, got result \{"subtotal":40,"discount":0,"total":40\}/);
    // an ask-me capability the scenario gives no answer for fails clearly, naming the call
    expect(out).toMatch(/✗ order-total\.js › an ask-me call without an answer fails clearly .*\n {4}signOff\(\{"total":600\}\) asks the user and the scenario has no answer for call 1/);
    expect(out).toMatch(/^✓ order-total\.js › an ask-me call answered by the scenario passes/m);
    expect(out.trim().split('\n').at(-1)).toMatch(/^5 scenarios: 2 passed, 3 failed \(/);
  });

  it('--json prints one object with a result per scenario', () => {
    const r = test(FIXTURE, '--json');
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const report = lastJson(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.summary).toMatchObject({ total: 5, passed: 2, failed: 3, invalid: 0 });
    const wrong = report.scenarios.find((s: { name: string }) => s.name === 'a wrong expectation fails with a diff');
    expect(wrong).toMatchObject({
      file: 'order-total.scenarios.json',
      script: 'order-total.js',
      status: 'failed',
      actual: { ok: true, value: { subtotal: 170, discount: 10, total: 153 } },
      expected: { result: { subtotal: 170, discount: 15, total: 144.5, currency: 'EUR' } },
    });
    expect(wrong.diff).toEqual(['result.discount: expected 15, got 10', 'result.total: expected 144.5, got 153', 'result.currency: missing (expected "EUR")']);
    const answered = report.scenarios.find((s: { name: string }) => s.name === 'an ask-me call answered by the scenario passes');
    expect(answered.actual).toEqual({ ok: false, error: { kind: 'Runtime', name: 'Error', message: 'sign-off refused: over the quarterly limit' } });
  });

  it('--filter runs only matching scenarios; a scenarios file or its script may be named', () => {
    const r = test(FIXTURE, '--filter', 'ASK-ME', '--json');
    const report = lastJson(r.stdout);
    expect(report.scenarios.map((s: { name: string }) => s.name)).toEqual(['an ask-me call without an answer fails clearly', 'an ask-me call answered by the scenario passes']);
    expect(r.code).toBe(1);
    const one = test(join(FIXTURE, 'order-total.js'), '--filter', 'small order');
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^✓ order-total\.js › a small order passes .*\n1 scenario: 1 passed \(/);
  });

  it('--isolate runs scenarios in a sidecar with the same verdicts', () => {
    const r = test(FIXTURE, '--isolate', '--filter', 'ask-me', '--json');
    const report = lastJson(r.stdout);
    expect(report.scenarios.map((s: { status: string }) => s.status)).toEqual(['failed', 'passed']);
    expect(report.scenarios[0].diff[0]).toContain('signOff({"total":600}) asks the user');
  });
});

describe('capsule test: invalid workspaces and usage', () => {
  let dir = '';
  let cleanup = () => {};
  beforeAll(() => {
    ({ dir, cleanup } = workspace({
      'ok.js': 'n * 2\n',
      'ok.scenarios.json': JSON.stringify({ scenarios: [{ name: 'doubles', inputs: { n: 21 }, expect: { result: 42 } }] }),
      'bad/typo.js': '1\n',
      'bad/typo.scenarios.json': JSON.stringify({ scenarios: [{ name: 'x', expect: { reslt: 1 } }] }),
      'bad/orphan.scenarios.json': JSON.stringify({ scenarios: [] }),
      'bad/config.js': '1\n',
      'bad/config.scenarios.json': JSON.stringify({ scenarios: [{ name: 'x', configuration: 'Nope', expect: { result: 1 } }] }),
      'bad/answers.js': '1\n',
      'bad/answers.scenarios.json': JSON.stringify({ scenarios: [{ name: 'x', answers: { approve: [{ returns: true }] }, expect: { result: 1 } }] }),
      'bad/json.js': '1\n',
      'bad/json.scenarios.json': '{ "scenarios": [ }',
      'bad/mocks.js': '1\n',
      'bad/mocks.mocks.json': JSON.stringify({ capabilities: { a: { retuns: 1 } } }),
      'bad/mocks.scenarios.json': JSON.stringify({ scenarios: [{ name: 'x', expect: { result: 1 } }] }),
      'invalid-script/eval.js': 'eval("1")\n',
      'invalid-script/eval.scenarios.json': JSON.stringify({ scenarios: [{ name: 'uses eval', expect: { result: 1 } }] }),
      '.capsule/hidden.scenarios.json': '{ not even json',
      'node_modules/pkg/x.scenarios.json': '{ not even json',
      'empty/readme.md': 'nothing here\n',
    }));
  });
  afterAll(() => cleanup());
  const at = (...args: string[]) => capsule(['test', ...args], dir);

  it('reports every invalid file with the place and still runs the valid ones; exit 4', () => {
    const r = at();
    expect(r.code).toBe(4);
    const out = r.stdout;
    expect(out).toContain("! bad/answers.scenarios.json: scenarios[0] 'x': answers.approve: 'approve' is not a capability of the mocks");
    expect(out).toContain("! bad/config.scenarios.json: scenarios[0] 'x': no configuration named 'Nope' (have: none)");
    expect(out).toMatch(/! bad\/json\.scenarios\.json: scenarios file 'bad\/json\.scenarios\.json' is not valid JSON \(/);
    expect(out).toContain("! bad/mocks.scenarios.json: mocks file 'bad/mocks.mocks.json': capabilities.a: must NOT have additional properties 'retuns' (see docs/MOCKS.md)");
    expect(out).toContain("! bad/orphan.scenarios.json: the script 'bad/orphan.js' does not exist (name it in \"script\")");
    expect(out).toContain("! bad/typo.scenarios.json: scenarios[0].expect: must NOT have additional properties 'reslt' (see docs/SCENARIOS.md)");
    // dot-directories and node_modules are not searched
    expect(out).not.toContain('hidden');
    expect(out).not.toContain('node_modules');
    expect(out).toMatch(/✗ invalid-script\/eval\.js › uses eval \(.*\) invalid\n {4}invalid-script\/eval\.js:1:1: error CAP1001: 'eval' is not supported/);
    expect(out).toMatch(/✓ ok\.js › doubles /);
    expect(out.trim().split('\n').at(-1)).toMatch(/^2 scenarios: 1 passed, 1 invalid, 6 invalid files \(/);
  });

  it('usage errors exit 2', () => {
    expect(at('empty')).toMatchObject({ code: 2, stderr: "capsule test: no scenarios files (*.scenarios.json) under 'empty'\n" });
    expect(at('nope')).toMatchObject({ code: 2, stderr: "capsule test: no such directory or file 'nope'\n" });
    expect(at('empty/readme.md').stderr).toBe("capsule test: 'empty/readme.md' is not a directory, a scenarios file (NAME.scenarios.json) or a script (NAME.js)\n");
    expect(at('bad/json.js').code).toBe(4);
    expect(at('ok.js', 'extra').code).toBe(2);
    expect(at('--filter').stderr).toBe('capsule test: option --filter needs a value (TEXT)\n');
  });
});
