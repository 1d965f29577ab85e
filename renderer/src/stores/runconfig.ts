/**
 * The run-configuration store: the workspace's scenarios files as `scenario.list` reports them
 * (docs/SCENARIOS.md), and which run configuration is selected per script. Run and Debug take
 * the inputs and limits of {@link selectedConfig}; the picker next to the Run button sets it.
 * The selection is remembered per script between reloads.
 */
import { provideInputs } from './problems';
import { forceLinting } from '@codemirror/lint';
import { reactive, watch } from 'vue';
import { activeEditor } from '../editor/active';
import type { RunConfiguration, ScenarioList, ScenarioSuiteInfo } from '../../../preload/api';
import { api, messageOf, whenConnected } from './bridge';
import { workspace } from './workspace';

const STORAGE_KEY = 'capsule.runConfigurations';

function loadSelection(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '{}');
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export const runconfig = reactive({
  /** One entry per scenarios file of the workspace. */
  suites: [] as ScenarioSuiteInfo[],
  /** Scenarios files that cannot be used, with the reason. */
  problems: [] as ScenarioList['problems'],
  /** Why the list could not be read (no folder open, not connected…). */
  error: null as string | null,
  loading: false,
  loaded: false,
  /** The selected configuration's name, by script path. */
  selected: loadSelection(),
});

/** The scenarios file entry of a script (workspace path), if it has one. */
export function suiteOf(script: string | null | undefined): ScenarioSuiteInfo | undefined {
  return script ? runconfig.suites.find((s) => s.script === script) : undefined;
}

/** The run configurations of a script, in file order (empty when it has none). */
export function configurationsFor(script: string | null | undefined): RunConfiguration[] {
  return suiteOf(script)?.configurations ?? [];
}

/**
 * The configuration Run uses for `script` (default: the active file): the one selected in the
 * picker, else the script's first; null when the script has none (run with no inputs).
 */
export function selectedConfig(script: string | null | undefined = workspace.active): RunConfiguration | null {
  const configs = configurationsFor(script);
  if (!script || configs.length === 0) return null;
  return configs.find((c) => c.name === runconfig.selected[script]) ?? configs[0] ?? null;
}

/** Selects a configuration for a script (remembered across reloads). */
export function selectConfig(script: string, name: string): void {
  runconfig.selected[script] = name;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(runconfig.selected));
  } catch {
    /* storage unavailable: the choice lasts for this page only */
  }
}

let pending: Promise<void> | null = null;

/** Reads the scenarios files again (after a save, a folder change, or on request). */
export function refreshScenarios(): Promise<void> {
  // (cleared in a then-callback: an attempt that fails before its first await — not connected
  // yet — settles synchronously, and clearing inside it would run before this assignment,
  // leaving a settled promise that answered every later refresh)
  pending ??= (async () => {
    runconfig.loading = true;
    try {
      const list = await api().invoke('scenario.list');
      runconfig.suites = list.suites;
      runconfig.problems = list.problems;
      runconfig.error = null;
      runconfig.loaded = true;
    } catch (error) {
      runconfig.error = messageOf(error);
    } finally {
      runconfig.loading = false;
    }
  })().finally(() => {
    pending = null;
  });
  return pending;
}

// the first list as soon as the bridge is up, and again when another folder opens
whenConnected((bridge) => {
  void refreshScenarios();
  bridge.on('workspace.changed', () => void refreshScenarios());
});

// The editor's diagnostics and completion know the inputs of the picked configuration; the
// active document is checked again when they change (new scenarios files, another pick).
provideInputs((path) => selectedConfig(path)?.inputs ?? {});
watch(
  () => Object.keys(selectedConfig()?.inputs ?? {}).join(','),
  () => {
    if (activeEditor.value) forceLinting(activeEditor.value);
  },
);
