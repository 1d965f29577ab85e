/**
 * The mocks store: the mock set a run of a script uses (docs/MOCKS.md format).
 *
 * Skeleton: the bundled example's mocks. The capabilities panel replaces the internals.
 */
import exampleMocks from '../../../examples/incident-triage.mocks.json';

/** The mocks file (docs/MOCKS.md) for runs of `scriptPath`, if there is one. */
export function mocksFor(scriptPath: string): unknown {
  return scriptPath.endsWith('incident-triage.js') ? exampleMocks : undefined;
}
