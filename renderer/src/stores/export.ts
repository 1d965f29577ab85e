/**
 * The export store: the Export dialog's state (docs/EXPORT.md). Opening it checks the active
 * script in main (`export.check`: validation, every scenario with live progress, the manifest);
 * Export writes the signed artifact (`export.write`), which main refuses unless that check passed
 * and nothing changed since. The dialog is a function of this state.
 */
import { reactive } from 'vue';
import type { ExportCheck, ExportKeyInfo, ExportLimits, ExportWritten, ScenarioRunResult } from '../../../preload/api';
import type { KeyBinding } from '../keys';
import { api, messageOf, whenConnected } from './bridge';
import { selectedConfig } from './runconfig';
import { isDirty, refresh, save, workspace } from './workspace';

/** The default signing key (main creates it on the first export). */
export const DEFAULT_KEY = '.capsule/signing-key.pem';

export type ExportPhase = 'checking' | 'checked' | 'writing' | 'written';

export const exporter = reactive({
  open: false,
  script: null as string | null,
  phase: 'checking' as ExportPhase,
  /** Tags the progress events of the current check; a newer check ignores older events. */
  token: '',
  total: 0,
  done: 0,
  /** The scenario running now. */
  running: null as string | null,
  /** Scenario results as they arrive. */
  results: [] as ScenarioRunResult[],
  check: null as ExportCheck | null,
  /** Editable: what goes into the artifact. */
  limits: null as ExportLimits | null,
  output: '',
  keyPath: DEFAULT_KEY,
  key: null as ExportKeyInfo | null,
  keyError: null as string | null,
  written: null as ExportWritten | null,
  /** Why the last request failed (the check could not run, or main refused the export). */
  error: null as string | null,
  /** Things the dialog did on its own, e.g. saving the script first. */
  note: null as string | null,
});

function newToken(): string {
  return `x${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** Opens the dialog for the active script (saving unsaved edits first) and checks it. */
export async function openExport(): Promise<void> {
  const script = workspace.active;
  exporter.open = true;
  exporter.script = script;
  exporter.written = null;
  exporter.error = null;
  exporter.note = null;
  exporter.check = null;
  exporter.limits = null;
  exporter.output = '';
  exporter.keyPath = DEFAULT_KEY;
  exporter.key = null;
  exporter.keyError = null;
  if (!script || !/\.[cm]?js$/.test(script)) {
    exporter.phase = 'checked';
    exporter.error = 'Open a script (NAME.js) in the editor to export it.';
    return;
  }
  if (isDirty(script)) {
    if (!(await save(script))) {
      exporter.phase = 'checked';
      exporter.error = `${script} has unsaved changes that could not be saved; export checks the file as saved.`;
      return;
    }
    exporter.note = `Saved ${script} first: export checks and writes the file as saved.`;
  }
  await runCheck();
}

/** Runs (again) the check of the dialog's script: validation, scenarios, manifest. */
export async function runCheck(): Promise<void> {
  const script = exporter.script;
  if (!script) return;
  const token = newToken();
  Object.assign(exporter, { token, phase: 'checking', total: 0, done: 0, running: null, results: [], check: null, error: null, written: null });
  try {
    const check = await api().invoke('export.check', { script, token, ...(selectedConfig(script) ? { configuration: selectedConfig(script)!.name } : {}) });
    if (exporter.token !== token) return; // closed or checked again meanwhile
    exporter.check = check;
    exporter.results = check.scenarios;
    exporter.total = check.scenarios.length;
    exporter.done = check.scenarios.length;
    exporter.running = null;
    exporter.limits ??= { ...check.limits };
    if (!exporter.output) exporter.output = check.output;
    if (exporter.keyPath === check.key.path) exporter.key = check.key;
  } catch (error) {
    if (exporter.token === token) exporter.error = messageOf(error);
  } finally {
    if (exporter.token === token) exporter.phase = 'checked';
  }
}

/** Looks up the key at the path typed in the dialog (fingerprint, whether Export creates it). */
export async function lookupKey(): Promise<void> {
  const path = exporter.keyPath.trim();
  exporter.keyError = null;
  try {
    exporter.key = await api().invoke('export.key', { path });
  } catch (error) {
    exporter.key = null;
    exporter.keyError = messageOf(error);
  }
}

/** Whether Export may be pressed: a passed check, not busy, every limit a whole number. */
export function canExport(): boolean {
  const limits = exporter.limits;
  return (
    exporter.phase === 'checked' &&
    exporter.check?.ok === true &&
    limits !== null &&
    Object.values(limits).every((v) => Number.isSafeInteger(v) && v >= 0) &&
    exporter.output.trim() !== '' &&
    exporter.keyPath.trim() !== ''
  );
}

/** Writes the artifact; main refuses (and says why) unless the check passed and is current. */
export async function doExport(): Promise<void> {
  const check = exporter.check;
  if (!check || !exporter.limits || exporter.phase !== 'checked') return;
  exporter.phase = 'writing';
  exporter.error = null;
  try {
    exporter.written = await api().invoke('export.write', {
      checkId: check.checkId,
      output: exporter.output.trim(),
      key: exporter.keyPath.trim(),
      limits: { ...exporter.limits },
    });
    exporter.phase = 'written';
    void lookupKey();
    void refresh(); // the Explorer lists the new file
  } catch (error) {
    exporter.error = messageOf(error);
    exporter.phase = 'checked';
  }
}

/** Closes the dialog; a check still running in main finishes there and is ignored. */
export function closeExport(): void {
  exporter.open = false;
  exporter.token = '';
}

/** Ctrl/Cmd+Shift+E opens the dialog (File › Export… in Electron's menu does the same). */
export function exportKeyBindings(): KeyBinding[] {
  return [
    {
      key: 'Mod+Shift+E',
      description: 'Export…',
      run: () => {
        if (!exporter.open) void openExport();
      },
    },
  ];
}

whenConnected((bridge) => {
  bridge.on('export.progress', (p) => {
    if (p.token !== exporter.token || exporter.phase !== 'checking') return;
    exporter.total = p.total;
    exporter.done = p.done;
    exporter.running = p.running;
    if (p.result) exporter.results.push(p.result);
  });
  bridge.on('app.command', (c) => {
    if (c.command === 'export' && !exporter.open) void openExport();
  });
});
