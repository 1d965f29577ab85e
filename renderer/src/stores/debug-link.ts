/**
 * What the console, bytecode and heat-map stores read of the debugger (stores/debug.ts): the
 * selected frame, the file being debugged, evaluating in that frame, and values attached to
 * console lines. Reading the debug state through this one module keeps those stores apart from
 * the debug store's internals.
 */
import { toRaw } from 'vue';
import type { CapsuleApi } from '../../../preload/api';
import { api } from './bridge';
import { debug, type ConsoleLine } from './debug';

/** A call-stack frame as `stackTrace` returns it (the fields used here). */
export interface FrameRef {
  index: number;
  functionIndex: number;
  pc: number;
  builtin: boolean;
}

/** The parts of the debug state beyond the skeleton's: the stack, its selection, the file. */
type DebugView = typeof debug & { stack?: FrameRef[]; frame?: number; file?: string | null };

const state = (): DebugView => debug as DebugView;

/** The frame the debugging views show (the call stack's selection), or null when not stopped. */
export function selectedFrame(): FrameRef | null {
  const s = state();
  if (s.status !== 'paused' && s.status !== 'waiting') return null;
  return s.stack?.[s.frame ?? 0] ?? null;
}

/** The workspace path of the script being debugged, or null. */
export function debugFile(): string | null {
  return state().file ?? null;
}

/** Evaluates an expression in the selected frame of the paused session (on copies: the program cannot change). */
export async function evaluateInFrame(expression: string, bridge: CapsuleApi = api()): Promise<{ value: unknown; preview: string }> {
  const id = debug.sessionId;
  if (!id || debug.status !== 'paused') throw new Error('Evaluate needs a paused program');
  const r = await bridge.invoke('session.debug', { id, command: 'evaluate', args: { expression, frame: selectedFrame()?.index ?? 0 } });
  return r.result as { value: unknown; preview: string };
}

/** Values of evaluated console lines (shown expandable), by line. */
const values = new WeakMap<object, unknown>();

/** Writes a console line carrying a value. */
export function pushValueLine(level: string, text: string, value: unknown): void {
  const line: ConsoleLine = { level, text };
  values.set(line, value);
  debug.console.push(line);
}

/** The value a console line carries, if any. */
export function valueOf(line: ConsoleLine): unknown {
  return values.get(toRaw(line));
}
