/**
 * The Debug Console's own state: which lines the filter and the level toggles let through,
 * and the evaluate prompt (its history, and evaluating in the selected frame while paused).
 * The lines themselves are the debug store's (`debug.console`): guest output, results, errors.
 */
import { reactive } from 'vue';
import { messageOf } from './bridge';
import { debug, type ConsoleLine } from './debug';
import { evaluateInFrame, pushValueLine } from './debug-link';
import { historyCursor, lineVisible, parseFilter, readableError } from './console-lines';

export { historyCursor };

/** The guest's console levels, in the order the toggles show them. */
export const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;
export type GuestLevel = (typeof LEVELS)[number];


const HISTORY_KEY = 'capsule.console.history';
const HISTORY_MAX = 100;

function loadHistory(): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter((x): x is string => typeof x === 'string').slice(-HISTORY_MAX) : [];
  } catch {
    return [];
  }
}

export const consoleView = reactive({
  /** Filter text: comma-separated terms; a line must contain one of them; `!term` hides lines containing it. */
  filter: '',
  /** Guest levels shown. */
  levels: Object.fromEntries(LEVELS.map((l) => [l, true])) as Record<GuestLevel, boolean>,
  /** Expressions evaluated before, oldest first. */
  history: loadHistory(),
  /** An evaluation is on its way. */
  evaluating: false,
});

/** The lines to show, with their index in `debug.console` (a stable key). */
export function visibleLines(): { line: ConsoleLine; index: number }[] {
  const filter = parseFilter(consoleView.filter);
  const out: { line: ConsoleLine; index: number }[] = [];
  debug.console.forEach((line, index) => {
    if (lineVisible(line, consoleView.levels, filter)) out.push({ line, index });
  });
  return out;
}

/** Lines per guest level (the toggles show them). */
export function levelCounts(): Record<GuestLevel, number> {
  const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<GuestLevel, number>;
  for (const line of debug.console) if (line.level in counts) counts[line.level as GuestLevel]++;
  return counts;
}

/** Empties the console (the run goes on). */
export function clearConsole(): void {
  debug.console.splice(0);
}

/** Remembers an expression (latest last; a repeat moves to the end). */
export function remember(expression: string): void {
  const h = consoleView.history;
  const at = h.indexOf(expression);
  if (at >= 0) h.splice(at, 1);
  h.push(expression);
  if (h.length > HISTORY_MAX) h.splice(0, h.length - HISTORY_MAX);
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(h));
  } catch {
    // storage unavailable: the history lasts for this page
  }
}

/** Whether the prompt can evaluate now (a program paused in a debug session). */
export function canEvaluate(): boolean {
  return debug.status === 'paused';
}

/** Evaluates an expression in the selected frame and writes it and its value (or error) to the console. */
export async function evaluate(expression: string): Promise<void> {
  const e = expression.trim();
  if (!e) return;
  remember(e);
  debug.console.push({ level: 'input', text: e });
  if (!canEvaluate()) {
    debug.console.push({ level: 'eval-error', text: 'Pause the program to evaluate expressions (they run in the selected frame).' });
    return;
  }
  consoleView.evaluating = true;
  try {
    const r = await evaluateInFrame(e);
    pushValueLine('eval', r.preview, r.value);
  } catch (error) {
    debug.console.push({ level: 'eval-error', text: readableError(messageOf(error)) });
  } finally {
    consoleView.evaluating = false;
  }
}
