/** Words and numbers the Testing view and its rows share. */
import type { ScenarioRunResult } from '../../../preload/api';
import { show } from '../stores/debug';
import type { ScenarioState } from '../stores/testing';

/** What each status icon says to a screen reader (and the tests). */
export const STATE_LABELS: Record<ScenarioState | 'idle', string> = {
  idle: 'not run',
  queued: 'queued',
  running: 'running',
  passed: 'passed',
  failed: 'failed',
  invalid: 'invalid',
  error: 'error',
};

/** A duration as the CLI prints it: 45 ms, 1.2 s. */
export function time(ms: number | null | undefined): string {
  if (ms === undefined || ms === null) return '';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The expectation in words: the value, or the error it must throw. */
export function expectedText(expected: ScenarioRunResult['expected']): string {
  if ('result' in expected) return show(expected.result);
  const e = expected.error;
  return `throws ${e.name ?? 'an error'}${e.message !== undefined ? ` whose message contains ${JSON.stringify(e.message)}` : ''}`;
}

/** How the run ended, in words. */
export function actualText(actual: ScenarioRunResult['actual']): string {
  if (actual === null) return 'did not finish';
  return actual.ok ? show(actual.value) : `throws ${actual.error.name}: ${actual.error.message}`;
}
