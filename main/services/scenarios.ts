/**
 * The scenario service: lists the open workspace's scenarios files (docs/SCENARIOS.md) and runs
 * one scenario at a time the way the IDE runs a script — in a sidecar, through the session
 * service, its mocks answered in main — answering the calls that ask the user from the
 * scenario's `answers`, then judges the outcome against the expectation (core/cli/scenarios.ts,
 * the same judge `capsule test` uses). Electron-free.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listFiles } from '../../core/host/files';
import { AnswerBook, errorOfSpec, isSuiteError, judge, loadSuite, loadSuites, SCENARIOS_SUFFIX, type RunOutcome, type ScenarioFiles } from '../../core/cli/scenarios';
import type { EventMessage, ScenarioList, ScenarioRunResult, SessionAnswer, SessionView, WorkspaceProblem } from '../../preload/api';
import { RequestError } from './errors';
import { parseJson, placeOfPath } from './json-locate';
import type { WorkspaceChecker } from './workspace';
import { SessionRequestError, type SessionService } from './sessions';

/** Where the scenario service finds the open folder. */
export interface WorkspaceRoot {
  readonly rootPath: string | null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Reads workspace-relative paths under `root`; a symbolic link out of the workspace is refused. */
export function filesUnder(root: string): ScenarioFiles {
  const realRoot = realpathSync(root);
  const inside = (path: string): string => {
    const real = realpathSync(join(realRoot, ...path.split('/')));
    if (real !== realRoot && !real.startsWith(realRoot + sep)) throw new Error('it leads outside the workspace');
    return real;
  };
  return {
    read: (path) => {
      try {
        return readFileSync(inside(path), 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new Error(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : e instanceof Error && !code ? e.message : 'cannot be read');
      }
    },
    // a link out of the workspace exists; reading it is what is refused, with that reason
    exists: (path) => {
      try {
        return statSync(join(realRoot, ...path.split('/'))).isFile();
      } catch {
        return false;
      }
    },
  };
}

/**
 * Checks `*.scenarios.json` files when the workspace opens and on every save (the Problems list
 * shows them): the format, the script and mocks they name, configurations, answers — the same
 * checks `scenario.list` and `capsule test` make, placed at the line of the offending entry.
 */
export function scenariosChecker(workspace: WorkspaceRoot): WorkspaceChecker {
  return {
    appliesTo: (path) => path.endsWith(SCENARIOS_SUFFIX),
    check(path, text): WorkspaceProblem[] {
      const root = workspace.rootPath;
      if (root === null || !parseJson(text).ok) return []; // a JSON syntax error is reported by the JSON checker
      const disk = filesUnder(root);
      // the text being saved, not the file on disk (the check runs before the rename)
      const files: ScenarioFiles = { read: (p) => (p === path ? text : disk.read(p)), exists: (p) => p === path || disk.exists(p) };
      try {
        loadSuite(files, path);
        return [];
      } catch (e) {
        if (!isSuiteError(e)) throw e;
        // messages start with the place: `scenarios[0].expect: …` or `scenarios[1] 'name': …`
        const at = /^((?:configurations|scenarios)\[\d+\][\w.[\]]*)/.exec(e.message)?.[1];
        const place = at ? placeOfPath(text, at) : { line: 1, column: 1 };
        return [{ path, ...place, message: e.message }];
      }
    },
  };
}

export class ScenarioService {
  /**
   * `sessions` should be a session service of its own (with its own event hub), so scenario
   * runs stay out of the debugger's views; its events give each run's console output.
   */
  constructor(
    readonly sessions: SessionService,
    private readonly workspace: WorkspaceRoot,
  ) {}

  private root(): string {
    const root = this.workspace.rootPath;
    if (root === null) throw new RequestError('No folder is open: open one to run its scenarios');
    return root;
  }

  /** Every scenarios file of the workspace, with its configurations and scenarios, and the files that are invalid. */
  async list(): Promise<ScenarioList> {
    const root = this.root();
    const paths = listFiles(root, (name) => name.endsWith(SCENARIOS_SUFFIX));
    const { suites, problems } = loadSuites(filesUnder(root), paths);
    return {
      suites: suites.map((s) => ({
        file: s.file,
        script: s.script,
        mocks: s.mocksFile,
        configurations: s.configurations,
        scenarios: s.scenarios.map((c) => ({
          name: c.name,
          ...(c.description !== undefined ? { description: c.description } : {}),
          ...(c.configuration !== undefined ? { configuration: c.configuration } : {}),
          expects: 'result' in c.expect ? ('result' as const) : ('error' as const),
        })),
      })),
      problems,
    };
  }

  /** Runs one scenario (files are read afresh, so unsaved-then-saved edits count). */
  async run(params: unknown): Promise<ScenarioRunResult> {
    if (!isObject(params) || typeof params.file !== 'string' || typeof params.name !== 'string') {
      throw new RequestError('scenario.run needs { file, name }: a scenarios file and a scenario name');
    }
    const { file, name } = params as { file: string; name: string };
    if (!file.endsWith(SCENARIOS_SUFFIX) || file.split('/').some((p) => p === '..' || p === '') || file.includes('\\')) {
      throw new RequestError(`'${file}' is not a scenarios file of the workspace`);
    }
    let suite;
    try {
      suite = loadSuite(filesUnder(this.root()), file);
    } catch (e) {
      if (isSuiteError(e)) throw new RequestError(`${file}: ${e.message}`);
      throw e;
    }
    const scenario = suite.scenarios.find((s) => s.name === name);
    if (!scenario) throw new RequestError(`${file} has no scenario named '${name}'`);

    const started = performance.now();
    const console: ScenarioRunResult['console'] = [];
    const result = (status: ScenarioRunResult['status'], actual: RunOutcome | null, diff: string[]): ScenarioRunResult => ({
      file: suite.file,
      script: suite.script,
      name,
      status,
      ms: Math.round(performance.now() - started),
      expected: scenario.expect,
      actual,
      diff,
      console,
    });
    const clash = Object.keys(scenario.mocks?.capabilities ?? {}).find((c) => Object.hasOwn(scenario.inputs, c));
    if (clash) return result('invalid', null, [`'${clash}' is both an input and a capability`]);

    // console events arrive before start() returns the session id: keep them all until then
    const output = new Map<string, { level: string; text: string }[]>();
    const unsubscribe = this.sessions.events.subscribe((m: EventMessage) => {
      if (m.event !== 'session.console') return;
      const p = m.payload as { id: string; level: string; text: string };
      const list = output.get(p.id) ?? [];
      list.push({ level: p.level, text: p.text });
      output.set(p.id, list);
    });
    let view: SessionView | null = null;
    try {
      try {
        view = await this.sessions.start({
          source: suite.source,
          inputs: scenario.inputs,
          ...(scenario.mocks ? { mocks: scenario.mocks } : {}),
          limits: scenario.limits,
          seed: scenario.seed,
          ...(scenario.now !== undefined ? { now: scenario.now } : {}),
        });
      } catch (e) {
        // the session service refused the mocks (a mock script that does not compile, …)
        if (e instanceof SessionRequestError) return result('invalid', null, [e.message]);
        throw e;
      }
      const book = new AnswerBook(scenario.answers);
      let missing: string | null = null;
      while (view.status === 'waiting' || view.status === 'paused') {
        const answers: SessionAnswer[] = [];
        for (const call of view.calls ?? []) {
          const step = book.next(call.capability);
          if (!step) {
            missing = book.missing(call.capability, call.args);
            break;
          }
          answers.push('error' in step ? { id: call.id, error: errorOfSpec(step.error) } : { id: call.id, value: step.returns });
        }
        if (missing !== null) break;
        view = await this.sessions.continue({ id: view.id, answers });
      }
      console.push(...(output.get(view.id) ?? []));
      if (missing !== null) return result('failed', null, [missing]);
      let actual: RunOutcome;
      if (view.status === 'done') actual = { ok: true, value: view.value };
      else if (view.error && (view.error.kind === 'Parse' || view.error.kind === 'Validation')) {
        const lines = view.error.diagnostics?.map((d) => `${suite.script}:${d.line}:${d.column}: error ${d.code}: ${d.message}`);
        return result('invalid', null, lines?.length ? lines : [view.error.message]);
      } else if (view.error) actual = { ok: false, error: { kind: view.error.kind, name: view.error.name, message: view.error.message } };
      else return result('failed', null, [`the run ended ${view.status}`]);
      const verdict = judge(scenario.expect, actual);
      return result(verdict.passed ? 'passed' : 'failed', actual, verdict.diff);
    } finally {
      unsubscribe();
      if (view) await this.sessions.close({ id: view.id }).catch(() => {});
    }
  }
}
