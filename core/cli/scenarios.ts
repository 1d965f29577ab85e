/**
 * Scenarios files (`NAME.scenarios.json`, docs/SCENARIOS.md, docs/scenarios.schema.json): a
 * script's run configurations and its scenarios — inputs, mocks, limits and the expected result
 * or error. This module reads and checks them (ajv), resolves each scenario into everything a
 * run needs (the mocks merged into one mocks file), and judges an outcome against the
 * expectation with a readable diff. It runs nothing: `capsule test` (test.ts) runs scenarios in
 * this process or a sidecar, the IDE's scenario service (main/services/scenarios.ts) through the
 * session service. File access goes through a {@link ScenarioFiles} reader, so the IDE can
 * confine it to the open workspace.
 */
import { Ajv, type ErrorObject } from 'ajv';
import SCENARIOS_SCHEMA from '../../docs/scenarios.schema.json';
import type { Limits } from '../index';
import { UsageError } from './args';
import { checkMocks, type MocksFile } from './mocks';
import { parseNow } from './options';

/** A mocks-file error spec: a message, or a name and a message. */
export type ErrorSpec = string | { name?: string; message: string };

/** The answer to one "ask me" call: a result or an error. */
export type AnswerStep = { returns: unknown } | { error: ErrorSpec };

/** A run configuration: what the IDE's Run button runs the script with. */
export interface RunConfiguration {
  name: string;
  description?: string;
  inputs: Record<string, unknown>;
  limits: Partial<Limits>;
  seed?: number;
  /** A fixed clock, ms since the epoch. */
  now?: number;
}

/** What a scenario must end with. */
export type Expectation = { result: unknown } | { error: { name?: string; message?: string } };

/** One scenario, resolved: everything a run needs besides the script's source. */
export interface Scenario {
  name: string;
  description?: string;
  configuration?: string;
  inputs: Record<string, unknown>;
  limits: Partial<Limits>;
  seed: number;
  now?: number;
  /** The mocks to run with, merged (null: no capabilities at all). */
  mocks: MocksFile | null;
  /** Answers to calls of capabilities without a mock, per capability in call order. */
  answers: Record<string, AnswerStep[]>;
  expect: Expectation;
}

/** One scenarios file with its script. Paths are relative to the workspace, with `/`. */
export interface ScenarioSuite {
  file: string;
  script: string;
  source: string;
  /** The script's mocks file, when it has one. */
  mocksFile: string | null;
  configurations: RunConfiguration[];
  scenarios: Scenario[];
}

/** A file that could not be used, and why (one line, safe to show). */
export interface ScenarioProblem {
  file: string;
  message: string;
}

/** How scenarios reach files: paths relative to the workspace root, `/`-separated. */
export interface ScenarioFiles {
  /** The text of a file; throws an Error with a one-line message when it cannot be read. */
  read(path: string): string;
  exists(path: string): boolean;
}

/** How a run ended, as compared with an expectation. */
export type RunOutcome =
  | { ok: true; value: unknown }
  | { ok: false; error: { kind: string; name: string; message: string } };

/** The verdict on one scenario run. */
export interface Verdict {
  passed: boolean;
  /** Readable lines saying how the outcome differs from the expectation (empty when it passed). */
  diff: string[];
}

/** The default seed of scenarios: runs reproduce unless a scenario asks for another. */
export const DEFAULT_SEED = 1;

/** The suffix that marks a scenarios file. */
export const SCENARIOS_SUFFIX = '.scenarios.json';

let validate: ReturnType<Ajv['compile']> | null = null;

function errorPath(e: ErrorObject): string {
  return e.instancePath
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
}

/** The most useful ajv error: for a `oneOf`, the branch that got furthest says more. */
function schemaMessage(all: ErrorObject[]): string {
  // a `type` mismatch of one oneOf branch says less than what the matching branch found wrong
  const specific = all.filter((e) => e.keyword !== 'type' && e.keyword !== 'oneOf');
  const errors = specific.length ? specific : all;
  const deepest = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  const e = deepest.keyword === 'oneOf' || deepest.keyword === 'not' ? errors.find((x) => x.instancePath === deepest.instancePath && x.keyword !== 'oneOf') ?? deepest : deepest;
  const at = errorPath(e) || '(top level)';
  const extra = e.keyword === 'additionalProperties' ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'` : '';
  const allowed = e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})` : '';
  const what = e.keyword === 'not' && e.instancePath.endsWith('/mocks') ? 'give either file or inline, not both' : `${e.message}${extra}${allowed}`;
  return `${at}: ${what} (see docs/SCENARIOS.md)`;
}

/** Joins a path relative to `base`'s directory; null when it would leave the workspace. */
export function resolvePath(base: string, relative: string): string | null {
  if (relative.startsWith('/') || /^[A-Za-z]:/.test(relative) || relative.includes('\\')) return null;
  const parts = base.split('/').slice(0, -1);
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** A clear error about one file; collected as a {@link ScenarioProblem}. */
class SuiteError extends Error {}

interface RawConfiguration {
  name: string;
  description?: string;
  inputs?: Record<string, unknown>;
  limits?: Partial<Limits>;
  seed?: number;
  now?: string | number;
}

interface RawScenario extends RawConfiguration {
  configuration?: string;
  mocks?: string | { file?: string; inline?: unknown; overrides?: Record<string, Record<string, unknown>> };
  answers?: Record<string, AnswerStep[]>;
  expect: Expectation;
}

interface RawFile {
  script?: string;
  mocks?: string;
  configurations?: RawConfiguration[];
  scenarios?: RawScenario[];
}

const MOCK_KINDS = ['returns', 'sequence', 'error', 'script', 'ask', 'exhausted'];

/**
 * Replaces capabilities of `base` by `overrides`: a mock given in an override (returns,
 * sequence, error, script, ask) replaces the base's mock; what the override leaves out
 * (description, args, result, latencyMs) is kept.
 */
export function applyOverrides(base: MocksFile | null, overrides: Record<string, Record<string, unknown>>): MocksFile {
  const capabilities: Record<string, Record<string, unknown>> = { ...((base?.capabilities ?? {}) as Record<string, Record<string, unknown>>) };
  for (const [name, entry] of Object.entries(overrides)) {
    const old = capabilities[name] ?? {};
    const replacesMock = MOCK_KINDS.some((k) => Object.hasOwn(entry, k));
    const kept = replacesMock ? Object.fromEntries(Object.entries(old).filter(([k]) => !MOCK_KINDS.includes(k))) : old;
    capabilities[name] = { ...kept, ...entry };
  }
  return { ...(base ?? {}), capabilities } as MocksFile;
}

function parseJson(files: ScenarioFiles, path: string, what: string): unknown {
  let text: string;
  try {
    text = files.read(path);
  } catch (err) {
    throw new SuiteError(`cannot read ${what} '${path}': ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new SuiteError(`${what} '${path}' is not valid JSON (${(err as Error).message.replace(/\s+/g, ' ')})`);
  }
}

function readMocks(files: ScenarioFiles, path: string): MocksFile {
  const data = parseJson(files, path, 'mocks file');
  try {
    return checkMocks(data, `mocks file '${path}'`);
  } catch (err) {
    if (err instanceof UsageError) throw new SuiteError(err.message);
    throw err;
  }
}

function nowOf(value: string | number | undefined, where: string): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseNow(String(value), where);
  } catch (err) {
    throw new SuiteError((err as Error).message.replace('--now', 'now'));
  }
}

/**
 * Reads and checks one scenarios file and its script and mocks. Throws an Error whose message
 * names the file and the place when anything is wrong (the caller reports it as a problem).
 */
export function loadSuite(files: ScenarioFiles, file: string): ScenarioSuite {
  if (!file.endsWith(SCENARIOS_SUFFIX)) throw new SuiteError(`'${file}' is not a scenarios file (NAME${SCENARIOS_SUFFIX})`);
  const data = parseJson(files, file, 'scenarios file');
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(SCENARIOS_SCHEMA);
  if (!validate(data)) throw new SuiteError(schemaMessage(validate.errors!));
  const raw = data as RawFile;
  const stem = file.split('/').pop()!.slice(0, -SCENARIOS_SUFFIX.length);

  const script = resolvePath(file, raw.script ?? `${stem}.js`);
  if (script === null) throw new SuiteError(`script '${raw.script}' is outside the workspace`);
  if (!files.exists(script)) throw new SuiteError(`the script '${script}' does not exist${raw.script ? '' : ` (name it in "script")`}`);
  let source: string;
  try {
    source = files.read(script);
  } catch (err) {
    throw new SuiteError(`cannot read the script '${script}': ${(err as Error).message}`);
  }

  let mocksFile: string | null = null;
  if (raw.mocks !== undefined) {
    mocksFile = resolvePath(file, raw.mocks);
    if (mocksFile === null) throw new SuiteError(`mocks '${raw.mocks}' is outside the workspace`);
  } else {
    const beside = resolvePath(file, `${stem}.mocks.json`)!;
    if (files.exists(beside)) mocksFile = beside;
  }
  const cache = new Map<string, MocksFile>();
  const mocksAt = (path: string): MocksFile => {
    let m = cache.get(path);
    if (!m) cache.set(path, (m = readMocks(files, path)));
    return m;
  };
  const scriptMocks = mocksFile === null ? null : mocksAt(mocksFile);

  const configurations: RunConfiguration[] = [];
  for (const [i, c] of (raw.configurations ?? []).entries()) {
    const at = `configurations[${i}] '${c.name}'`;
    if (configurations.some((x) => x.name === c.name)) throw new SuiteError(`${at}: another configuration has this name`);
    configurations.push({
      name: c.name,
      ...(c.description !== undefined ? { description: c.description } : {}),
      inputs: c.inputs ?? {},
      limits: c.limits ?? {},
      ...(c.seed !== undefined ? { seed: c.seed } : {}),
      ...(c.now !== undefined ? { now: nowOf(c.now, at) } : {}),
    });
  }

  const scenarios: Scenario[] = [];
  for (const [i, s] of (raw.scenarios ?? []).entries()) {
    const at = `scenarios[${i}] '${s.name}'`;
    if (scenarios.some((x) => x.name === s.name)) throw new SuiteError(`${at}: another scenario has this name`);
    let base: RunConfiguration | undefined;
    if (s.configuration !== undefined) {
      base = configurations.find((c) => c.name === s.configuration);
      if (!base) throw new SuiteError(`${at}: no configuration named '${s.configuration}' (have: ${configurations.map((c) => `'${c.name}'`).join(', ') || 'none'})`);
    }
    let mocks: MocksFile | null = scriptMocks;
    if (typeof s.mocks === 'string') {
      const path = resolvePath(file, s.mocks);
      if (path === null) throw new SuiteError(`${at}: mocks '${s.mocks}' is outside the workspace`);
      mocks = mocksAt(path);
    } else if (s.mocks) {
      if (s.mocks.file !== undefined) {
        const path = resolvePath(file, s.mocks.file);
        if (path === null) throw new SuiteError(`${at}: mocks.file '${s.mocks.file}' is outside the workspace`);
        mocks = mocksAt(path);
      } else if (s.mocks.inline !== undefined) {
        try {
          mocks = checkMocks(s.mocks.inline, `${at}: mocks.inline`);
        } catch (err) {
          if (err instanceof UsageError) throw new SuiteError(err.message);
          throw err;
        }
      }
      if (s.mocks.overrides) {
        const merged = applyOverrides(mocks, s.mocks.overrides);
        try {
          mocks = checkMocks(merged, `${at}: mocks.overrides`);
        } catch (err) {
          if (err instanceof UsageError) throw new SuiteError(err.message);
          throw err;
        }
      }
    }
    for (const name of Object.keys(s.answers ?? {})) {
      if (!mocks || !Object.hasOwn(mocks.capabilities, name)) {
        throw new SuiteError(`${at}: answers.${name}: '${name}' is not a capability of the mocks (declare it there, without a mock, to answer its calls here)`);
      }
    }
    const now = s.now !== undefined ? nowOf(s.now, at) : base?.now;
    const seed = s.seed ?? base?.seed ?? DEFAULT_SEED;
    scenarios.push({
      name: s.name,
      ...(s.description !== undefined ? { description: s.description } : {}),
      ...(s.configuration !== undefined ? { configuration: s.configuration } : {}),
      inputs: { ...base?.inputs, ...s.inputs },
      limits: { ...base?.limits, ...s.limits },
      seed,
      ...(now !== undefined ? { now } : {}),
      mocks,
      answers: s.answers ?? {},
      expect: s.expect,
    });
  }
  return { file, script, source, mocksFile, configurations, scenarios };
}

/** Loads every scenarios file; a file that cannot be used becomes a problem, the rest still load. */
export function loadSuites(files: ScenarioFiles, paths: readonly string[]): { suites: ScenarioSuite[]; problems: ScenarioProblem[] } {
  const suites: ScenarioSuite[] = [];
  const problems: ScenarioProblem[] = [];
  for (const file of paths) {
    try {
      suites.push(loadSuite(files, file));
    } catch (err) {
      if (!(err instanceof SuiteError)) throw err;
      problems.push({ file, message: err.message });
    }
  }
  return { suites, problems };
}

/** True for the errors {@link loadSuite} raises about a file (as opposed to bugs). */
export function isSuiteError(err: unknown): err is Error {
  return err instanceof SuiteError;
}

/**
 * Hands out the scenario's answers to "ask me" calls in call order, per capability. `next`
 * returns undefined when the scenario has no answer left for that capability.
 */
export class AnswerBook {
  private readonly used = new Map<string, number>();
  constructor(private readonly answers: Record<string, AnswerStep[]>) {}

  next(capability: string): AnswerStep | undefined {
    const n = this.used.get(capability) ?? 0;
    this.used.set(capability, n + 1);
    return Object.hasOwn(this.answers, capability) ? this.answers[capability][n] : undefined;
  }

  /** The failure message for a call nobody answers. */
  missing(capability: string, args: readonly unknown[]): string {
    const n = this.used.get(capability) ?? 1;
    const given = Object.hasOwn(this.answers, capability) ? this.answers[capability].length : 0;
    return (
      `${capability}(${short(args).slice(1, -1)}) asks the user and the scenario has no answer for call ${n}` +
      ` (it gives ${given}); add one to "answers": { "${capability}": [{ "returns": … }] }`
    );
  }
}

/** An answer step as the error the guest sees: `{ name, message }`. */
export function errorOfSpec(spec: ErrorSpec): { name: string; message: string } {
  return typeof spec === 'string' ? { name: 'Error', message: spec } : { name: spec.name ?? 'Error', message: spec.message };
}

// ---- judging ----

/** A result copied out of a run, as JSON sees it (undefined properties dropped, bigints as strings). */
export function asJson(value: unknown): unknown {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return text === undefined ? null : JSON.parse(text);
}

function short(value: unknown, max = 80): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function key(path: string, k: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
  }
  return false;
}

const MAX_DIFF_LINES = 12;

function diffValues(path: string, expected: unknown, actual: unknown, out: string[]): void {
  if (out.length >= MAX_DIFF_LINES || equal(expected, actual)) return;
  if (isPlain(expected) && isPlain(actual)) {
    for (const k of Object.keys(expected)) {
      if (!Object.hasOwn(actual, k)) out.push(`${key(path, k)}: missing (expected ${short(expected[k])})`);
      else diffValues(key(path, k), expected[k], actual[k], out);
    }
    for (const k of Object.keys(actual)) if (!Object.hasOwn(expected, k)) out.push(`${key(path, k)}: unexpected ${short(actual[k])}`);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) out.push(`${path}: expected ${expected.length} item${expected.length === 1 ? '' : 's'}, got ${actual.length}`);
    const n = Math.max(expected.length, actual.length);
    for (let i = 0; i < n; i++) {
      if (i >= actual.length) out.push(`${path}[${i}]: missing (expected ${short(expected[i])})`);
      else if (i >= expected.length) out.push(`${path}[${i}]: unexpected ${short(actual[i])}`);
      else diffValues(`${path}[${i}]`, expected[i], actual[i], out);
    }
    return;
  }
  out.push(`${path}: expected ${short(expected)}, got ${short(actual)}`);
}

/** Readable lines on how `actual` differs from `expected` (both JSON values), at most 12. */
export function diffJson(expected: unknown, actual: unknown, root = 'result'): string[] {
  const out: string[] = [];
  diffValues(root, expected, actual, out);
  if (out.length >= MAX_DIFF_LINES) out.splice(MAX_DIFF_LINES, Infinity, '… (more differences)');
  return out;
}

function errorText(e: { name: string; message: string }): string {
  return e.name ? (e.message ? `${e.name}: ${e.message}` : e.name) : e.message;
}

/** Compares a run's outcome with what the scenario expects. */
export function judge(expect: Expectation, outcome: RunOutcome): Verdict {
  if ('result' in expect) {
    if (!outcome.ok) return { passed: false, diff: [`expected result ${short(asJson(expect.result))}, got ${errorText(outcome.error)}`] };
    const diff = diffJson(asJson(expect.result), asJson(outcome.value));
    return { passed: diff.length === 0, diff };
  }
  const want = expect.error;
  const wanted = [want.name ?? 'an error', want.message !== undefined ? `with a message containing ${JSON.stringify(want.message)}` : ''].filter(Boolean).join(' ');
  if (outcome.ok) return { passed: false, diff: [`expected ${wanted}, got result ${short(asJson(outcome.value))}`] };
  const diff: string[] = [];
  const got = outcome.error;
  if (want.name !== undefined && got.name !== want.name) diff.push(`error name: expected ${JSON.stringify(want.name)}, got ${JSON.stringify(got.name)} (${errorText(got)})`);
  if (want.message !== undefined && !got.message.includes(want.message)) {
    diff.push(`error message: expected it to contain ${JSON.stringify(want.message)}, got ${JSON.stringify(got.message)}`);
  }
  return { passed: diff.length === 0, diff };
}
