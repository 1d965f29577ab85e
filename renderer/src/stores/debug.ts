/**
 * The debug store: the debug session of a script and what the debugging views show — status,
 * where it stopped, call stack, scopes, watches, breakpoints per file, console lines — and the
 * actions of the debug toolbar. The logic lives in ./debug-session.ts (tested against the real
 * session service); this module binds it to the workbench: the bridge, the workspace's
 * documents, the script's mocks, the active editor (breakpoint gutter, stopped line, inline
 * values) and the keyboard (VS Code's debug keys).
 */
import { watch } from 'vue';
import { activeEditor, activePath, revealPosition } from '../editor/active';
import { currentMarks, setBreakpointMarks, type BreakpointHandlers, type BreakpointMark } from '../editor/breakpoints';
import { setDebugLine, type DebugLine } from '../editor/debug-line';
import { computeInlineValues, setInlineValues } from '../editor/inline-values';
import { EditorView } from '@codemirror/view';
import type { StateEffect } from '@codemirror/state';
import type { KeyBinding } from '../keys';
import { api } from './bridge';
import { createDebugger, inlineValueMap, isActive, type DebugCommandName } from './debug-session';
import { mocksForRun } from './mocks';
import { selectedConfig } from './runconfig';
import { activeDocument, documents, openFile, workspace } from './workspace';

export { show, describeError, isActive } from './debug-session';
export type { Breakpoint, ConsoleLine, DebugStatus, ExceptionBreakMode, PausedAt, Watch } from './debug-session';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const d = createDebugger({
  api,
  source: (file) => documents.get(file)?.text ?? '',
  mocks: (file) => mocksForRun(file),
  // inputs, limits, seed and clock of the run configuration picked beside Run
  launch: (file) => {
    const config = selectedConfig(file);
    return config ? { inputs: config.inputs, limits: config.limits, seed: config.seed, now: config.now } : {};
  },
  storage: storage(),
});

/** The debugger's state (reactive): status, sessionId, paused, stack, frame, scopes, watches, console, breakpoints, … */
export const debug = d.state;

/** Whether a debug session is in progress (running, paused or waiting). */
export function busy(): boolean {
  return isActive(debug.status);
}

/** The file Run starts: the active document. */
function target(): string | null {
  return activeDocument()?.path ?? workspace.active;
}

/** Run (F5): debugs the active script (breakpoints stop it), or continues a paused one. */
export async function run(): Promise<void> {
  if (debug.status === 'paused' || debug.status === 'waiting') return d.continue_();
  const file = target();
  if (file) await d.run(file);
}

/** Starts a debug session of `file` (default: the active script). */
export async function startDebugging(file?: string): Promise<void> {
  const f = file ?? target();
  if (f) await d.run(f);
}

export const {
  continue_,
  pause,
  stepOver,
  stepInto,
  stepOut,
  stepInstruction,
  stepBack,
  runToLine,
  restart,
  adopt,
  stop,
  answer,
  selectFrame,
  properties,
  evaluate,
  addWatch,
  editWatch,
  removeWatch,
  toggleBreakpoint,
  setBreakpointOptions,
  setBreakpointEnabled,
  removeBreakpoint,
  removeAllBreakpoints,
  setExceptionBreak,
  clearConsole,
  debugCommand,
} = d;

/** A debugger command that moves the program (continue, steps, runTo …). */
export function command(name: DebugCommandName, args: Record<string, unknown> = {}): Promise<void> {
  return d.command(name, args);
}

/** Shows a breakpoint's line in the editor (Breakpoints view). */
export function revealBreakpoint(file: string, line: number): void {
  openFile(file);
  // the editor switches documents on the next render
  setTimeout(() => revealPosition(line), 0);
}

// ---- the editor ------------------------------------------------------------------------------

/** The gutter's handlers for the document at `path` (editor/extensions.ts). */
export function breakpointHandlers(path: string): BreakpointHandlers {
  return {
    toggle: (line) => void toggleBreakpoint(path, line),
    edit: (line, options) => void setBreakpointOptions(path, line, options),
    setEnabled: (line, enabled) => {
      const b = (debug.breakpoints[path] ?? []).find((x) => x.line === line);
      if (b) void setBreakpointEnabled(path, b.id, enabled);
    },
    remove: (line) => {
      const b = (debug.breakpoints[path] ?? []).find((x) => x.line === line);
      if (b) void removeBreakpoint(path, b.id);
    },
    moved: (marks, removed) => d.moveBreakpoints(path, marks, removed),
    runToLine: { enabled: () => debug.status === 'paused' && debug.file === path, run: (line) => void runToLine(line) },
  };
}

/** F9: toggles a breakpoint on the cursor's line of the active editor. */
export function toggleBreakpointAtCursor(): boolean {
  const view = activeEditor.value;
  const path = activePath.value;
  if (!view || !path) return false;
  void toggleBreakpoint(path, view.state.doc.lineAt(view.state.selection.main.head).number);
  return true;
}

function marksOf(path: string): BreakpointMark[] {
  return (debug.breakpoints[path] ?? []).map((b) => ({
    id: b.id,
    line: b.line,
    enabled: b.enabled,
    ...(b.condition ? { condition: b.condition } : {}),
    ...(b.hitCount ? { hitCount: b.hitCount } : {}),
    ...(b.logMessage ? { logMessage: b.logMessage } : {}),
    ...(b.verified !== undefined ? { verified: b.verified } : {}),
    ...(b.message ? { message: b.message } : {}),
  }));
}

function sameMarks(a: readonly BreakpointMark[], b: readonly BreakpointMark[]): boolean {
  return JSON.stringify([...a].sort((x, y) => x.line - y.line)) === JSON.stringify([...b].sort((x, y) => x.line - y.line));
}

// the store's breakpoints of the active document → the gutter
watch(
  [activeEditor, activePath, () => JSON.stringify(activePath.value ? marksOf(activePath.value) : [])],
  () => {
    const view = activeEditor.value;
    const path = activePath.value;
    if (!view || !path) return;
    const marks = marksOf(path);
    if (!sameMarks(currentMarks(view.state), marks)) view.dispatch({ effects: setBreakpointMarks.of(marks) });
  },
  { flush: 'post' },
);

/** Where the editor shows the program: the selected frame's line, if it is program code. */
function stoppedLine(): DebugLine | null {
  if (debug.status !== 'paused' || !debug.paused) return null;
  const frame = debug.stack[debug.frame];
  const top = debug.stack.findIndex((f) => !f.builtin);
  if (!frame || frame.builtin) return debug.paused.line ? { line: debug.paused.line, kind: 'paused' } : null;
  if (debug.frame !== top) return { line: frame.line, kind: 'frame' };
  if (debug.paused.reason === 'exception') {
    const e = debug.paused.exception;
    return { line: frame.line || debug.paused.line, kind: 'exception', ...(e ? { message: e.preview } : {}) };
  }
  return { line: frame.line || debug.paused.line, kind: 'paused' };
}

let shownStop = '';

// the stopped line and inline values → the editor showing the debugged file
watch(
  [activeEditor, activePath, () => debug.status, () => debug.paused, () => debug.stack, () => debug.frame, () => debug.scopes],
  () => {
    const view = activeEditor.value;
    if (!view) return;
    const here = activePath.value !== null && activePath.value === debug.file;
    const line = here ? stoppedLine() : null;
    const values = line ? computeInlineValues(view.state, line.line, inlineValueMap(debug.scopes)) : [];
    const effects: StateEffect<unknown>[] = [setDebugLine.of(line), setInlineValues.of(values)];
    // scroll to a new stop (or a newly selected frame), not on every refresh
    const key = line ? `${debug.sessionId}:${debug.paused?.instructions}:${debug.frame}:${line.line}:${activePath.value}` : '';
    if (line && key !== shownStop && line.line <= view.state.doc.lines) {
      effects.push(EditorView.scrollIntoView(view.state.doc.line(line.line).from, { y: 'nearest', yMargin: 80 }));
    }
    shownStop = key;
    view.dispatch({ effects });
  },
  { flush: 'post' },
);

// ---- keys --------------------------------------------------------------------------------------

/** VS Code's debug keys; `description` is what the toolbar's tooltips show. */
export const DEBUG_KEYS = {
  run: 'F5',
  pause: 'F6',
  stepOver: 'F10',
  stepInto: 'F11',
  stepOut: 'Shift+F11',
  restart: 'Mod+Shift+F5',
  stop: 'Shift+F5',
  toggleBreakpoint: 'F9',
} as const;

/** The key bindings App.vue installs. */
export function debugKeyBindings(): KeyBinding[] {
  const paused = () => debug.status === 'paused' || debug.status === 'waiting';
  return [
    { key: DEBUG_KEYS.run, description: 'Run / Continue', run: () => void run() },
    { key: DEBUG_KEYS.pause, description: 'Pause', run: () => (debug.status === 'running' ? void pause() : false) },
    { key: DEBUG_KEYS.stepOver, description: 'Step Over', run: () => (paused() ? void stepOver() : false) },
    { key: DEBUG_KEYS.stepInto, description: 'Step Into', run: () => (paused() ? void stepInto() : false) },
    { key: DEBUG_KEYS.stepOut, description: 'Step Out', run: () => (paused() ? void stepOut() : false) },
    { key: DEBUG_KEYS.restart, description: 'Restart', run: () => (debug.file && busy() ? void restart() : false) },
    { key: DEBUG_KEYS.stop, description: 'Stop', run: () => (busy() ? void stop() : false) },
    { key: DEBUG_KEYS.toggleBreakpoint, description: 'Toggle Breakpoint', run: () => toggleBreakpointAtCursor() },
  ];
}
