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

/**
 * `limits` over the defaults (a key present in `limits` wins, as in an object spread). Always the
 * same object literal, so every VM's `limits` has one hidden class: a second one, which the
 * spread `{ ...DEFAULT_LIMITS, ...limits }` produced after a few VMs, generalizes the VM's field
 * and deoptimizes every function that reads a budget (measured: 10 000 capability calls went
 * from ~1.0 to ~2.0 µs each for the rest of the process).
 */
export function resolveLimits(limits: Partial<Limits>): Limits {
  const d = DEFAULT_LIMITS;
  const has = (k: keyof Limits) => Object.hasOwn(limits, k);
  return {
    instructions: has('instructions') ? limits.instructions! : d.instructions,
    heapBytes: has('heapBytes') ? limits.heapBytes! : d.heapBytes,
    allocations: has('allocations') ? limits.allocations! : d.allocations,
    callDepth: has('callDepth') ? limits.callDepth! : d.callDepth,
    outstandingHostCalls: has('outstandingHostCalls') ? limits.outstandingHostCalls! : d.outstandingHostCalls,
    timeMs: has('timeMs') ? limits.timeMs! : d.timeMs,
  };
}
