/**
 * The debug store: the session of the active script and what the debugging views show.
 *
 * Skeleton: `run()` runs the active document in a sidecar session to its end, with its mocks;
 * the debugger UI replaces the internals with debug sessions (breakpoints, stepping).
 */
import { reactive } from 'vue';
import type { SessionAnswer, SessionCall, SessionView } from '../../../preload/api';
import { api, messageOf } from './bridge';
import { mocksForRun } from './mocks';
import { selectedConfig } from './runconfig';
import { activeDocument, baseName } from './workspace';

export type DebugStatus = 'idle' | 'running' | 'paused' | 'waiting' | 'done' | 'failed' | 'cancelled';

/** One line of the Debug Console. `level`: a console level, or `result`, `info-muted`. */
export interface ConsoleLine {
  level: string;
  text: string;
}

export const debug = reactive({
  status: 'idle' as DebugStatus,
  sessionId: null as string | null,
  console: [] as ConsoleLine[],
  /** "Ask me" calls waiting for the user's answer (status `waiting`). */
  calls: [] as SessionCall[],
});

/** One line per value: strings as they are, everything else as JSON. */
export function show(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));
}

/** Whether a run is in progress (Run is disabled meanwhile). */
export function busy(): boolean {
  return debug.status === 'running' || debug.status === 'paused' || debug.status === 'waiting';
}

/** Run: the active script in a sidecar, its capabilities answered by its mocks in main. */
export async function run(): Promise<void> {
  const doc = activeDocument();
  if (!doc || busy()) return;
  const bridge = api();
  const name = baseName(doc.path);
  debug.status = 'running';
  debug.sessionId = null;
  debug.calls = [];
  debug.console = [{ level: 'info-muted', text: `Running ${name}…` }];
  offConsole?.();
  offConsole = bridge.on('session.console', (e) => {
    if (e.id === debug.sessionId || debug.sessionId === null) debug.console.push({ level: e.level, text: e.text });
  });
  try {
    // inputs, limits, seed and clock of the run configuration picked beside Run
    const config = selectedConfig(doc.path);
    settle(
      await bridge.invoke('session.start', {
        source: doc.text,
        mocks: await mocksForRun(doc.path),
        ...(config ? { inputs: config.inputs, limits: config.limits, seed: config.seed, now: config.now } : {}),
      }),
    );
  } catch (error) {
    debug.console.push({ level: 'error', text: messageOf(error) });
    debug.status = 'failed';
    offConsole?.();
  }
}

let offConsole: (() => void) | null = null;

/** Takes a session's view after start or continue: waiting keeps it open; an end closes it. */
function settle(view: SessionView): void {
  debug.sessionId = view.id;
  if (view.status === 'waiting') {
    debug.status = 'waiting';
    debug.calls = view.calls ?? [];
    return;
  }
  debug.calls = [];
  if (view.status === 'done') debug.console.push({ level: 'result', text: `Result: ${show(view.value)}` });
  else if (view.error) debug.console.push({ level: 'error', text: `${view.error.name}: ${view.error.message}` });
  else debug.console.push({ level: 'warn', text: `The run is ${view.status}.` });
  debug.status = view.status === 'done' ? 'done' : view.error ? 'failed' : 'idle';
  offConsole?.();
  offConsole = null;
  void api().invoke('session.close', { id: view.id }).catch(() => {});
}

/** Answers waiting "ask me" calls (all or some) and continues the run. */
export async function answer(answers: SessionAnswer[]): Promise<void> {
  if (debug.status !== 'waiting' || debug.sessionId === null) throw new Error('The program is not waiting for answers');
  debug.status = 'running';
  debug.calls = [];
  try {
    settle(await api().invoke('session.continue', { id: debug.sessionId, answers }));
  } catch (error) {
    debug.console.push({ level: 'error', text: messageOf(error) });
    debug.status = 'failed';
  }
}
