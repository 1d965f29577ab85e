/**
 * `capsule test [DIR|FILE]`: runs every scenario of every scenarios file in a workspace
 * (docs/SCENARIOS.md) and reports one line per scenario, a readable diff for failures and a
 * summary; exit 0 when all pass, 1 when any fails, 4 when a scenarios file, its mocks or its
 * script is invalid. Scenarios run in this process (mocks answer synchronously, as with
 * `capsule run --mocks`) or, with --isolate, each in a sidecar process.
 */
import { performance } from 'node:perf_hooks';
import { fileExists, isDirectory, listFiles, readTextFile } from '../host/files';
import {
  CapabilityError,
  CapabilityFailure,
  compile,
  formatDiagnostic,
  LimitError,
  ParseError,
  RuntimeError,
  runSync,
  ValidationError,
  type Capability,
  type ConsoleLevel,
} from '../index';
import { UsageError } from './args';
import type { Command } from './command';
import { EXIT } from './io';
import { runIsolated } from './isolate';
import { mockCapabilities } from './mocks';
import { JSON_OPTION } from './options';
import {
  AnswerBook,
  errorOfSpec,
  judge,
  loadSuites,
  SCENARIOS_SUFFIX,
  type Expectation,
  type RunOutcome,
  type Scenario,
  type ScenarioFiles,
  type ScenarioProblem,
  type ScenarioSuite,
} from './scenarios';

/** The outcome of one scenario. */
export interface ScenarioResult {
  /** The scenarios file and the script, relative to the workspace. */
  file: string;
  script: string;
  name: string;
  /** `invalid`: it could not run (the script does not validate, a mock script does not compile, …). */
  status: 'passed' | 'failed' | 'invalid';
  ms: number;
  expected: Expectation;
  /** How the run ended; null when it did not run to an end. */
  actual: RunOutcome | null;
  /** Why it did not pass, one readable line each. */
  diff: string[];
  console: { level: string; text: string }[];
}

interface LocalRunOptions {
  isolate: boolean;
}

/** An `ask` capability or one without a mock answers from the scenario's `answers`, or fails the scenario. */
function answered(c: Capability, book: AnswerBook, onMissing: (message: string) => void): Capability {
  if (c.handler) return c;
  return {
    ...c,
    handler: (...args: unknown[]) => {
      const step = book.next(c.name);
      if (!step) {
        const message = book.missing(c.name, args);
        onMissing(message);
        throw new CapabilityError(message);
      }
      if ('error' in step) {
        const e = errorOfSpec(step.error);
        throw new CapabilityFailure(e.message, e.name);
      }
      return step.returns;
    },
  };
}

/** Runs one scenario in this process (or a sidecar with `isolate`) and judges it. */
export async function runScenario(suite: ScenarioSuite, scenario: Scenario, options: LocalRunOptions): Promise<ScenarioResult> {
  const started = performance.now();
  const console: ScenarioResult['console'] = [];
  const base = { file: suite.file, script: suite.script, name: scenario.name, expected: scenario.expect };
  const done = (status: ScenarioResult['status'], actual: RunOutcome | null, diff: string[]): ScenarioResult => ({
    ...base,
    status,
    ms: performance.now() - started,
    actual,
    diff,
    console,
  });
  const onConsole = (level: ConsoleLevel, text: string) => void console.push({ level, text });
  const now = scenario.now;
  let missing: string | null = null;
  let capabilities: Capability[];
  try {
    const book = new AnswerBook(scenario.answers);
    capabilities = (scenario.mocks ? mockCapabilities(scenario.mocks, 'mocks', { seed: scenario.seed, now: now === undefined ? undefined : () => now, onConsole, askUser: true }) : []).map((c) =>
      answered(c, book, (m) => (missing = m)),
    );
  } catch (err) {
    if (err instanceof UsageError) return done('invalid', null, [err.message]);
    throw err;
  }
  const names = capabilities.map((c) => c.name);
  const clash = names.find((n) => Object.hasOwn(scenario.inputs, n));
  if (clash) return done('invalid', null, [`'${clash}' is both an input and a capability`]);
  try {
    const program = compile(suite.source, { globals: [...Object.keys(scenario.inputs), ...names], capabilities: names });
    const result = options.isolate
      ? await runIsolated({ source: program.source, inputs: scenario.inputs, limits: scenario.limits, seed: scenario.seed, now, capabilities, onConsole, durable: false })
      : runSync(program, { inputs: scenario.inputs, limits: scenario.limits, seed: scenario.seed, now: now === undefined ? undefined : () => now, onConsole, capabilities });
    const actual: RunOutcome = { ok: true, value: result.value };
    const verdict = judge(scenario.expect, actual);
    return done(verdict.passed ? 'passed' : 'failed', actual, verdict.diff);
  } catch (err) {
    if (missing !== null) return done('failed', null, [missing]);
    if (err instanceof ParseError) return done('invalid', null, [formatDiagnostic(suite.script, err.diagnostic)]);
    if (err instanceof ValidationError) return done('invalid', null, err.diagnostics.map((d) => formatDiagnostic(suite.script, d)));
    let actual: RunOutcome;
    if (err instanceof RuntimeError) actual = { ok: false, error: { kind: 'Runtime', name: err.guestName, message: err.guestMessage } };
    else if (err instanceof LimitError) actual = { ok: false, error: { kind: 'Limit', name: 'LimitError', message: err.message } };
    else if (err instanceof CapabilityError) actual = { ok: false, error: { kind: 'Capability', name: 'CapabilityError', message: err.message } };
    else throw err;
    const verdict = judge(scenario.expect, actual);
    return done(verdict.passed ? 'passed' : 'failed', actual, verdict.diff);
  }
}

/** Reads files under a workspace directory. */
export function directoryFiles(dir: string): ScenarioFiles {
  const at = (path: string) => (dir === '.' ? path : `${dir.replace(/\/+$/, '')}/${path}`);
  return {
    read: (path) => readTextFile(at(path)),
    exists: (path) => fileExists(at(path)),
  };
}

/** Where `capsule test`'s operand points: a workspace and the scenarios files to run. */
function target(operand: string, where: string): { root: string; files: string[] } {
  if (!fileExists(operand)) throw new UsageError(`${where}: no such directory or file '${operand}'`);
  if (isDirectory(operand)) return { root: operand, files: listFiles(operand, (name) => name.endsWith(SCENARIOS_SUFFIX)) };
  const slash = operand.lastIndexOf('/');
  const root = slash < 0 ? '.' : operand.slice(0, slash) || '/';
  const name = operand.slice(slash + 1);
  const file = name.endsWith(SCENARIOS_SUFFIX) ? name : name.endsWith('.js') ? `${name.slice(0, -3)}${SCENARIOS_SUFFIX}` : null;
  if (file === null) throw new UsageError(`${where}: '${operand}' is not a directory, a scenarios file (NAME${SCENARIOS_SUFFIX}) or a script (NAME.js)`);
  if (!fileExists(slash < 0 ? file : `${root}/${file}`)) throw new UsageError(`${where}: no such directory or scenarios file '${slash < 0 ? file : `${root}/${file}`}'`);
  return { root, files: [file] };
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export const testCommand: Command = {
  name: 'test',
  summary: 'run the scenarios of a workspace (NAME.scenarios.json files) and report pass/fail',
  operands: '[DIR|FILE]',
  minOperands: 0,
  maxOperands: 1,
  options: {
    filter: { type: 'string', valueName: 'TEXT', description: "run only scenarios whose 'script › name' contains TEXT (case-insensitive)" },
    isolate: { type: 'boolean', description: 'run each scenario in a sidecar process (as the IDE does)' },
    ...JSON_OPTION,
  },
  details: [
    'DIR (default: the current directory) is searched for *.scenarios.json files, skipping',
    'node_modules and dot-directories; FILE is one scenarios file or the script beside it.',
    'One line per scenario: ✓ or ✗, script › name, time; a failure is followed by how the',
    'outcome differs from the expectation. --json prints one JSON object instead:',
    '{"ok","summary":{"total","passed","failed","invalid","ms"},"problems":[…],"scenarios":[…]}.',
    'Exit 0 when every scenario passes, 1 when any fails, 4 when a scenarios file, its mocks or',
    'its script is invalid, 2 for usage errors (also: no scenarios found).',
    '',
    'Examples:',
    '  capsule test examples',
    "  capsule test --filter 'approval' --json",
    '  capsule test examples/approval-workflow.js --isolate',
  ],
  async run({ io, args, where }) {
    const operand = args.positionals[0] ?? '.';
    const { root, files } = target(operand, where);
    const filter = typeof args.values.filter === 'string' ? args.values.filter.toLowerCase() : null;
    const json = args.values.json === true;
    const isolate = args.values.isolate === true;
    if (files.length === 0) throw new UsageError(`${where}: no scenarios files (*${SCENARIOS_SUFFIX}) under '${operand}'`);

    const started = performance.now();
    const { suites, problems } = loadSuites(directoryFiles(root), files);
    const green = (s: string) => (io.colors ? `\x1b[32m${s}\x1b[39m` : s);
    const red = (s: string) => (io.colors ? `\x1b[31m${s}\x1b[39m` : s);
    const dim = (s: string) => (io.colors ? `\x1b[2m${s}\x1b[22m` : s);
    if (!json) for (const p of problems) io.stdout(`${red('!')} ${p.file}: ${p.message}\n`);

    const results: ScenarioResult[] = [];
    for (const suite of suites) {
      for (const scenario of suite.scenarios) {
        if (filter !== null && !`${suite.script} › ${scenario.name}`.toLowerCase().includes(filter)) continue;
        const r = await runScenario(suite, scenario, { isolate });
        results.push(r);
        if (json) continue;
        const mark = r.status === 'passed' ? green('✓') : red('✗');
        io.stdout(`${mark} ${r.script} › ${r.name} ${dim(`(${seconds(r.ms)})`)}${r.status === 'invalid' ? red(' invalid') : ''}\n`);
        for (const line of r.diff) io.stdout(`    ${line}\n`);
      }
    }
    const count = (status: ScenarioResult['status']) => results.filter((r) => r.status === status).length;
    const summary = { total: results.length, passed: count('passed'), failed: count('failed'), invalid: count('invalid'), ms: Math.round(performance.now() - started) };
    const exit = problems.length > 0 || summary.invalid > 0 ? EXIT.invalid : summary.failed > 0 ? EXIT.guestError : EXIT.ok;
    if (json) {
      const round = results.map((r) => ({ ...r, ms: Math.round(r.ms) }));
      io.stdout(`${JSON.stringify({ ok: exit === EXIT.ok, summary, problems, scenarios: round }, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
      return exit;
    }
    if (filter !== null && results.length === 0) io.stdout(`no scenario matches --filter '${args.values.filter as string}'\n`);
    const parts = [`${summary.passed} passed`, summary.failed ? red(`${summary.failed} failed`) : '', summary.invalid ? red(`${summary.invalid} invalid`) : '', problems.length ? red(`${problems.length} invalid file${problems.length > 1 ? 's' : ''}`) : ''];
    io.stdout(`${summary.total} scenario${summary.total === 1 ? '' : 's'}: ${parts.filter(Boolean).join(', ')} (${seconds(summary.ms)})\n`);
    return exit;
  },
};

export type { ScenarioProblem };
