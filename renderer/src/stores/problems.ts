/**
 * The problems store: the validator's diagnostics of each open script, kept up to date as the
 * user types (the editor's linter calls {@link checkScript}); the Problems panel lists them.
 */
import { forceLinting } from '@codemirror/lint';
import { computed, reactive, watch } from 'vue';
import { activeEditor, activePath } from '../editor/active';
import type { ProgramDiagnostic } from '../../../preload/api';
import { maybeApi, messageOf } from './bridge';
import { load, mocksFor, mocksPathFor } from './mocks';

/** Diagnostics by workspace-relative path (only scripts that were checked). */
export const problems = reactive(new Map<string, ProgramDiagnostic[]>());

/** Why the last check failed (the bridge is down, the script is too large), shown in the Problems panel. */
export const problemsError = reactive({ message: null as string | null });

/** Every problem, with its path, errors first, then by place. */
export const allProblems = computed(() =>
  [...problems.entries()]
    .flatMap(([path, list]) => list.map((d) => ({ path, ...d })))
    .sort((a, b) => (a.severity === b.severity ? a.path.localeCompare(b.path) || a.from - b.from : a.severity === 'error' ? -1 : 1)),
);

/** The capabilities of a script's mock set, by name (their descriptions and schemas). */
export function capabilitiesFor(path: string): Record<string, unknown> {
  const mocks = mocksFor(path) as { capabilities?: Record<string, unknown> } | undefined;
  const caps = mocks?.capabilities;
  return typeof caps === 'object' && caps !== null ? caps : {};
}

/**
 * The inputs a run of the script gets. Set by the run configuration store; none until then
 * (a function, so this store does not depend on it).
 */
export let inputsFor: (path: string) => Record<string, unknown> = () => ({});

/** Lets the run configuration store say which inputs a script gets. */
export function provideInputs(fn: (path: string) => Record<string, unknown>): void {
  inputsFor = fn;
}

/** Globals a script may use besides the built-ins: its capabilities and its inputs. */
export function globalsFor(path: string): string[] {
  return [...Object.keys(capabilitiesFor(path)), ...Object.keys(inputsFor(path))];
}

/** Validates `source` (the script at `path`) in main and records the result; returns the diagnostics. */
export async function checkScript(path: string, source: string): Promise<ProgramDiagnostic[]> {
  const bridge = maybeApi();
  if (!bridge) return problems.get(path) ?? [];
  try {
    // the capabilities are globals: know them before the first check (a script just opened)
    await load(mocksPathFor(path));
    const { diagnostics } = await bridge.invoke('program.validate', { source, globals: globalsFor(path) });
    problems.set(path, diagnostics);
    problemsError.message = null;
    return diagnostics;
  } catch (error) {
    problemsError.message = messageOf(error);
    return problems.get(path) ?? [];
  }
}

// The active script is checked again when its globals change (capabilities added or renamed).
watch(
  () => (activePath.value ? globalsFor(activePath.value).join(',') : ''),
  () => {
    if (activeEditor.value) forceLinting(activeEditor.value);
  },
);
