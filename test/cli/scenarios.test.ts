// The scenarios format (core/cli/scenarios.ts): loading with configurations, mock overrides and
// answers; judging outcomes with readable diffs. In-process, over an in-memory workspace.
import { describe, expect, it } from 'vitest';
import { AnswerBook, applyOverrides, diffJson, judge, loadSuite, loadSuites, resolvePath, type ScenarioFiles } from '../../core/cli/scenarios';

function memory(files: Record<string, unknown>): ScenarioFiles {
  return {
    read: (path) => {
      if (!Object.hasOwn(files, path)) throw new Error('no such file');
      const v = files[path];
      return typeof v === 'string' ? v : JSON.stringify(v);
    },
    exists: (path) => Object.hasOwn(files, path),
  };
}

const MOCKS = {
  capabilities: {
    lookup: { description: 'Looks up', args: { type: 'array' }, result: { type: 'object' }, returns: { id: 1 } },
    approve: { description: 'Asks a person' },
  },
};

describe('loadSuite', () => {
  it('resolves configurations, overrides and answers into runnable scenarios', () => {
    const suite = loadSuite(
      memory({
        'jobs/a.js': 'x',
        'jobs/a.mocks.json': MOCKS,
        'jobs/a.scenarios.json': {
          configurations: [{ name: 'Base', inputs: { n: 1, m: 2 }, limits: { instructions: 10 }, seed: 7, now: '2024-05-01T12:00:00' }],
          scenarios: [
            { name: 'plain', expect: { result: 1 } },
            { name: 'from base', configuration: 'Base', inputs: { m: 3 }, limits: { callDepth: 5 }, expect: { result: 2 } },
            { name: 'overridden', mocks: { overrides: { lookup: { error: 'down' }, extra: { returns: 5 } } }, answers: { approve: [{ returns: true }] }, expect: { error: { message: 'down' } } },
            { name: 'inline', mocks: { inline: { capabilities: { other: { returns: 1 } } } }, expect: { result: 1 } },
          ],
        },
      }),
      'jobs/a.scenarios.json',
    );
    expect(suite.script).toBe('jobs/a.js');
    expect(suite.mocksFile).toBe('jobs/a.mocks.json');
    expect(suite.configurations[0]).toEqual({ name: 'Base', inputs: { n: 1, m: 2 }, limits: { instructions: 10 }, seed: 7, now: Date.UTC(2024, 4, 1, 12) });
    const [plain, fromBase, overridden, inline] = suite.scenarios;
    expect(plain).toMatchObject({ inputs: {}, limits: {}, seed: 1, mocks: MOCKS });
    expect(plain.now).toBeUndefined();
    expect(fromBase).toMatchObject({ inputs: { n: 1, m: 3 }, limits: { instructions: 10, callDepth: 5 }, seed: 7, now: Date.UTC(2024, 4, 1, 12) });
    // the override replaces the mock and keeps the declarations; new names are added
    expect(overridden.mocks!.capabilities.lookup).toEqual({ description: 'Looks up', args: { type: 'array' }, result: { type: 'object' }, error: 'down' });
    expect(overridden.mocks!.capabilities.extra).toEqual({ returns: 5 });
    expect(overridden.answers).toEqual({ approve: [{ returns: true }] });
    expect(inline.mocks).toEqual({ capabilities: { other: { returns: 1 } } });
  });

  it('names the file and the place of every problem; other files still load', () => {
    const files = memory({
      'a.js': '1',
      'a.scenarios.json': { scenarios: [{ name: 'x', expect: { result: 1, error: { name: 'E' } } }] },
      'b.js': '1',
      'b.scenarios.json': { scenarios: [{ name: 'x', mocks: { file: 'm.json', inline: { capabilities: {} } }, expect: { result: 1 } }] },
      'c.js': '1',
      'c.scenarios.json': { script: '../outside.js', scenarios: [] },
      'd.js': '1',
      'd.scenarios.json': { scenarios: [{ name: 'x', now: 'yesterday', expect: { result: 1 } }] },
      'e.js': '1',
      'e.scenarios.json': { scenarios: [{ name: 'x', expect: { result: 1 } }, { name: 'x', expect: { result: 2 } }] },
      'f.js': '1',
      'f.scenarios.json': { scenarios: [{ name: 'x', mocks: { overrides: { a: { returns: 1, error: 'no' } } }, expect: { result: 1 } }] },
      'ok.js': '1',
      'ok.scenarios.json': { scenarios: [{ name: 'fine', expect: { result: 1 } }] },
    });
    const { suites, problems } = loadSuites(files, ['a', 'b', 'c', 'd', 'e', 'f', 'ok'].map((n) => `${n}.scenarios.json`));
    expect(suites.map((s) => s.file)).toEqual(['ok.scenarios.json']);
    expect(problems).toEqual([
      { file: 'a.scenarios.json', message: 'scenarios[0].expect: must NOT have more than 1 properties (see docs/SCENARIOS.md)' },
      { file: 'b.scenarios.json', message: 'scenarios[0].mocks: give either file or inline, not both (see docs/SCENARIOS.md)' },
      { file: 'c.scenarios.json', message: "script '../outside.js' is outside the workspace" },
      { file: 'd.scenarios.json', message: "scenarios[0] 'x': now must be an ISO date (2024-05-01T12:00:00Z) or milliseconds since the epoch, got 'yesterday'" },
      { file: 'e.scenarios.json', message: "scenarios[1] 'x': another scenario has this name" },
      { file: 'f.scenarios.json', message: "scenarios[0] 'x': mocks.overrides: capabilities.a has more than one mock (returns, error); give one of returns, sequence, error, script, ask" },
    ]);
  });
});

describe('resolvePath', () => {
  it('joins relative to the file and refuses to leave the workspace', () => {
    expect(resolvePath('a/b/c.scenarios.json', 'c.js')).toBe('a/b/c.js');
    expect(resolvePath('a/b/c.scenarios.json', '../shared/m.json')).toBe('a/shared/m.json');
    expect(resolvePath('c.scenarios.json', './x/./y.js')).toBe('x/y.js');
    expect(resolvePath('a/c.scenarios.json', '../../x.js')).toBeNull();
    expect(resolvePath('c.scenarios.json', '/etc/passwd')).toBeNull();
    expect(resolvePath('c.scenarios.json', 'C:/x.js')).toBeNull();
    expect(resolvePath('c.scenarios.json', '..\\x.js')).toBeNull();
  });
});

describe('applyOverrides', () => {
  it('keeps sequence settings only when the override gives no mock', () => {
    const base = { capabilities: { a: { description: 'A', sequence: [{ returns: 1 }], exhausted: 'cycle' as const } } };
    expect(applyOverrides(base, { a: { returns: 2 } }).capabilities.a).toEqual({ description: 'A', returns: 2 });
    expect(applyOverrides(base, { a: { description: 'B' } }).capabilities.a).toEqual({ description: 'B', sequence: [{ returns: 1 }], exhausted: 'cycle' });
    expect(applyOverrides(null, { a: { returns: 1 } })).toEqual({ capabilities: { a: { returns: 1 } } });
  });
});

describe('judge', () => {
  it('passes equal JSON values, ignoring key order and undefined properties', () => {
    expect(judge({ result: { a: 1, b: [1, { c: 2 }] } }, { ok: true, value: { b: [1, { c: 2 }], a: 1, u: undefined } })).toEqual({ passed: true, diff: [] });
    expect(judge({ result: null }, { ok: true, value: undefined }).passed).toBe(true);
  });

  it('lists differences by path', () => {
    expect(diffJson({ a: 1, list: [1, 2, 3], 'odd key': { x: 'y' }, gone: true }, { a: 2, list: [1, 5], 'odd key': { x: 'z' }, extra: null })).toEqual([
      'result.a: expected 1, got 2',
      'result.list: expected 3 items, got 2',
      'result.list[1]: expected 2, got 5',
      'result.list[2]: missing (expected 3)',
      'result["odd key"].x: expected "y", got "z"',
      'result.gone: missing (expected true)',
      'result.extra: unexpected null',
    ]);
    expect(diffJson([1], [1, { big: 'x'.repeat(200) }])[0]).toBe('result: expected 1 item, got 2');
    expect(diffJson([1], [1, { big: 'x'.repeat(200) }])[1]).toMatch(/^result\[1\]: unexpected \{"big":"x+…$/);
    expect(diffJson(Array.from({ length: 20 }, (_, i) => i), Array.from({ length: 20 }, (_, i) => -i - 1))).toHaveLength(13);
  });

  it('matches errors by exact name and message substring', () => {
    const err = { ok: false as const, error: { kind: 'Runtime', name: 'TypeError', message: 'x is not a function' } };
    expect(judge({ error: { name: 'TypeError', message: 'not a function' } }, err).passed).toBe(true);
    expect(judge({ error: { message: 'not a function' } }, err).passed).toBe(true);
    expect(judge({ error: { name: 'RangeError' } }, err).diff).toEqual(['error name: expected "RangeError", got "TypeError" (TypeError: x is not a function)']);
    expect(judge({ error: { message: 'undefined' } }, err).diff).toEqual(['error message: expected it to contain "undefined", got "x is not a function"']);
    expect(judge({ result: 1 }, err).diff).toEqual(['expected result 1, got TypeError: x is not a function']);
    expect(judge({ error: { name: 'TypeError', message: 'bad' } }, { ok: true, value: [1] }).diff).toEqual(['expected TypeError with a message containing "bad", got result [1]']);
  });
});

describe('AnswerBook', () => {
  it('answers per capability in call order and says what is missing', () => {
    const book = new AnswerBook({ approve: [{ returns: 1 }, { error: 'no' }] });
    expect(book.next('approve')).toEqual({ returns: 1 });
    expect(book.next('other')).toBeUndefined();
    expect(book.next('approve')).toEqual({ error: 'no' });
    expect(book.next('approve')).toBeUndefined();
    expect(book.missing('approve', [{ id: 3 }])).toBe(
      'approve({"id":3}) asks the user and the scenario has no answer for call 3 (it gives 2); add one to "answers": { "approve": [{ "returns": … }] }',
    );
  });
});
