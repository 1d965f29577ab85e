/** The budgets a run is held to, and their defaults. Plain data (no VM import): the IDE's budget view reads them too. */

/** Budgets; every field is optional in the public options. */
export interface Limits {
  instructions: number;
  heapBytes: number;
  allocations: number;
  callDepth: number;
  outstandingHostCalls: number;
  timeMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  instructions: 100_000_000,
  heapBytes: 64 * 1024 * 1024,
  allocations: 10_000_000,
  callDepth: 2_000,
  outstandingHostCalls: 64,
  timeMs: 30_000,
};
