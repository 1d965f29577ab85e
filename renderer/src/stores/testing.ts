/**
 * The testing store: runs scenarios through `scenario.run` (in a sidecar, via the session
 * service) one at a time, and keeps each one's latest result for the Testing view.
 */
import { reactive } from 'vue';
import type { ScenarioRunResult } from '../../../preload/api';
import { api, messageOf } from './bridge';
import { refreshScenarios, runconfig } from './runconfig';

export type ScenarioState = 'queued' | 'running' | 'passed' | 'failed' | 'invalid' | 'error';

export interface ScenarioEntry {
  state: ScenarioState;
  result: ScenarioRunResult | null;
  /** Why the request itself failed (state `error`). */
  message: string | null;
}

export const testing = reactive({
  /** Latest state per scenario, by {@link scenarioKey}. */
  entries: {} as Record<string, ScenarioEntry>,
  /** Progress of the current batch. */
  total: 0,
  done: 0,
  running: false,
  /** The scenario whose details are open. */
  expanded: null as string | null,
  /** How long the last batch took (ms). */
  lastMs: null as number | null,
});

/** The key of a scenario: its file and its name. */
export function scenarioKey(file: string, name: string): string {
  return `${file}\u0000${name}`;
}

export function entryOf(file: string, name: string): ScenarioEntry | undefined {
  return testing.entries[scenarioKey(file, name)];
}

let cancelled = false;

/** Runs the given scenarios in order; results appear as each one finishes. */
export async function runScenarios(list: { file: string; name: string }[]): Promise<void> {
  if (testing.running || list.length === 0) return;
  testing.running = true;
  cancelled = false;
  testing.total = list.length;
  testing.done = 0;
  const started = performance.now();
  for (const s of list) testing.entries[scenarioKey(s.file, s.name)] = { state: 'queued', result: null, message: null };
  try {
    for (const s of list) {
      const key = scenarioKey(s.file, s.name);
      if (cancelled) {
        delete testing.entries[key];
        continue;
      }
      testing.entries[key] = { state: 'running', result: null, message: null };
      try {
        const result = await api().invoke('scenario.run', s);
        testing.entries[key] = { state: result.status, result, message: null };
        if (result.status !== 'passed' && testing.expanded === null) testing.expanded = key;
      } catch (error) {
        testing.entries[key] = { state: 'error', result: null, message: messageOf(error) };
      }
      testing.done++;
    }
  } finally {
    testing.running = false;
    testing.lastMs = performance.now() - started;
  }
}

/** Stops a batch after the scenario that is running. */
export function stopScenarios(): void {
  cancelled = true;
}

/** Runs every scenario of the workspace (re-reading the files first). */
export async function runAllScenarios(): Promise<void> {
  if (testing.running) return;
  await refreshScenarios();
  await runScenarios(runconfig.suites.flatMap((suite) => suite.scenarios.map((s) => ({ file: suite.file, name: s.name }))));
}

/** Runs the scenarios of one scenarios file. */
export async function runSuite(file: string): Promise<void> {
  if (testing.running) return;
  await refreshScenarios();
  const suite = runconfig.suites.find((s) => s.file === file);
  if (suite) await runScenarios(suite.scenarios.map((s) => ({ file, name: s.name })));
}

/** Runs one scenario. */
export async function runOne(file: string, name: string): Promise<void> {
  await runScenarios([{ file, name }]);
}

/** Counts of the latest results. */
export function tally(): { passed: number; failed: number; invalid: number } {
  const all = Object.values(testing.entries);
  return {
    passed: all.filter((e) => e.state === 'passed').length,
    failed: all.filter((e) => e.state === 'failed' || e.state === 'error').length,
    invalid: all.filter((e) => e.state === 'invalid').length,
  };
}
