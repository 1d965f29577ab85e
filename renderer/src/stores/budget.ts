/**
 * The budget store: for each recent session, budget samples over the run (sent by the session
 * service after every slice and at every suspension), the suspensions as markers, the limits
 * it runs under, and — when a limit stops it — which limit and where.
 */
import { reactive } from 'vue';
import { DEFAULT_LIMITS, type Limits } from '../../../core/vm/limits';
import type { SessionBudget, SessionError, SessionLimits } from '../../../preload/api';
import { whenConnected } from './bridge';
import { selectedConfig } from './runconfig';

/** One recorded session. */
export interface BudgetRun {
  id: string;
  limits: Limits;
  samples: SessionBudget[];
  /** Instruction counts at which the run suspended for capability calls, with the capability names. */
  suspensions: { instructions: number; capabilities: string[] }[];
  /** Set when a limit stopped the run. */
  limitHit: { limit: string; message: string; limitValue?: number; reached?: number; location?: SessionError['location'] } | null;
  ended: boolean;
}

/** Sessions kept (oldest dropped first). */
const KEEP = 5;

export const budget = reactive({
  runs: [] as BudgetRun[],
  /** The session the view shows: the newest unless the user picks another. */
  shownId: null as string | null,
});

function runOf(id: string): BudgetRun {
  let run = budget.runs.find((r) => r.id === id);
  if (!run) {
    // A session's first event comes before its start request returns: assume the limits of the
    // run configuration picked beside Run (a limit error later says the exact figure in force).
    run = { id, limits: { ...DEFAULT_LIMITS, ...(selectedConfig()?.limits ?? {}) } as Limits, samples: [], suspensions: [], limitHit: null, ended: false };
    budget.runs.push(run);
    if (budget.runs.length > KEEP) budget.runs.splice(0, budget.runs.length - KEEP);
    budget.shownId = id;
    // the reactive proxy, so later pushes are seen
    run = budget.runs[budget.runs.length - 1]!;
  }
  return run;
}

/** Records the limits a session was started with (defaults fill what it did not set). */
export function setSessionLimits(id: string, limits: SessionLimits | undefined): void {
  const run = runOf(id);
  run.limits = { ...DEFAULT_LIMITS, ...(limits ?? {}) } as Limits;
}

/** The run the view shows. */
export function shownRun(): BudgetRun | null {
  return budget.runs.find((r) => r.id === budget.shownId) ?? budget.runs[budget.runs.length - 1] ?? null;
}

whenConnected((api) => {
  api.on('session.budget', ({ id, budget: sample }) => {
    const run = runOf(id);
    const last = run.samples[run.samples.length - 1];
    // one sample per instruction count (a step and a suspension may report the same one)
    if (last && last.instructions === sample.instructions) run.samples[run.samples.length - 1] = sample;
    else run.samples.push(sample);
  });
  api.on('session.suspended', ({ id, calls }) => {
    const run = runOf(id);
    const at = run.samples[run.samples.length - 1]?.instructions ?? 0;
    run.suspensions.push({ instructions: at, capabilities: calls.map((c) => c.capability) });
  });
  api.on('session.done', ({ id }) => {
    runOf(id).ended = true;
  });
  api.on('session.error', ({ id, error }) => {
    const run = runOf(id);
    run.ended = true;
    if (error.kind === 'Limit' && error.limit && error.limit !== 'cancelled') {
      run.limitHit = {
        limit: error.limit,
        message: error.message,
        ...(error.limitValue !== undefined ? { limitValue: error.limitValue } : {}),
        ...(error.reached !== undefined ? { reached: error.reached } : {}),
        ...(error.location ? { location: error.location } : {}),
      };
      // the limit in force is the one the error names (the run may have had its own limits)
      if (error.limitValue !== undefined && error.limit in run.limits) run.limits = { ...run.limits, [error.limit]: error.limitValue };
    }
  });
});

/** The gauges: each budget's figure against its limit. */
export function gauges(run: BudgetRun): { key: string; label: string; value: number; limit: number; unit: 'count' | 'bytes' }[] {
  const last = run.samples[run.samples.length - 1];
  const peak = (k: keyof SessionBudget) => run.samples.reduce((m, s) => Math.max(m, s[k]), 0);
  const hit = run.limitHit;
  // the limit that stopped the run shows the figure it reached (it may be past the last sample)
  const at = (key: string, value: number) => (hit?.limit === key && hit.reached !== undefined ? Math.max(value, hit.reached) : value);
  return ([
    { key: 'instructions', label: 'Instructions', value: last?.instructions ?? 0, limit: run.limits.instructions, unit: 'count' },
    { key: 'heapBytes', label: 'Heap', value: last?.heapBytes ?? 0, limit: run.limits.heapBytes, unit: 'bytes' },
    { key: 'allocations', label: 'Allocations', value: last?.allocations ?? 0, limit: run.limits.allocations, unit: 'count' },
    // (the VM's own peak: samples come between slices and suspensions, when few frames are left)
    { key: 'callDepth', label: 'Call depth (peak)', value: Math.max(peak('peakCallDepth'), peak('callDepth')), limit: run.limits.callDepth, unit: 'count' },
    { key: 'outstandingHostCalls', label: 'Host calls outstanding (peak)', value: peak('pendingCalls'), limit: run.limits.outstandingHostCalls, unit: 'count' },
  ] as const).map((g) => ({ ...g, value: at(g.key, g.value) }));
}
