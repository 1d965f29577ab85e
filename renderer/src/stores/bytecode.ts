/**
 * The Bytecode panel's store: the listing of the active script (its functions' instructions
 * with source spans), the function shown, the current instruction while paused, and the
 * source ↔ bytecode link both sides highlight.
 *
 * While a debug session of the script is stopped, the listing comes from the session
 * (`disassemble`: the program being run, breakpoints marked) and follows the selected frame;
 * otherwise from `program.disassemble` of the editor's text (nothing runs), as the user types.
 */
import { reactive, watch } from 'vue';
import type { BytecodeFunction, BytecodeInstruction } from '../../../preload/api';
import { activeEditor, activePath } from '../editor/active';
import { onSourceLink, setLinks } from '../editor/bytecode-link';
import { EditorView } from '@codemirror/view';
import { api, maybeApi, messageOf } from './bridge';
import { debug } from './debug';
import { debugFile, selectedFrame } from './debug-link';
import { mocksFor } from './mocks';
import { selectedConfig } from './runconfig';
import { documents } from './workspace';

/** `-1` in {@link bytecode}.selected: every function. */
export const ALL_FUNCTIONS = -1;

export const bytecode = reactive({
  /** The listing, every function of the program. */
  functions: [] as BytecodeFunction[],
  /** Where it came from: the paused session's program, or the editor's text; null before any. */
  origin: null as 'session' | 'program' | null,
  /** The document the listing is of. */
  path: null as string | null,
  /** Function index shown, or {@link ALL_FUNCTIONS}. */
  selected: ALL_FUNCTIONS,
  /** Why there is no listing (e.g. the script does not compile). */
  error: null as string | null,
  loading: false,
  /** The panel is on screen (the editor is coloured only then). */
  visible: false,
  /** The source line whose instructions are highlighted: hovered or clicked on either side. */
  activeLine: null as number | null,
  /** The instruction hovered or clicked in the panel (its span is outlined in the editor). */
  activeInstruction: null as { fn: number; pc: number } | null,
});

/** The current instruction while paused: the selected frame's function and pc (the call, for outer frames). */
export function currentInstruction(): { fn: number; pc: number } | null {
  if (bytecode.origin !== 'session') return null;
  const frame = selectedFrame();
  if (!frame || frame.builtin) return null;
  const fn = bytecode.functions.find((f) => f.index === frame.functionIndex);
  if (!fn) return null;
  if (frame.index === 0) return { fn: fn.index, pc: frame.pc };
  // an outer frame stands at its return address: the instruction before it is the call
  let at: BytecodeInstruction | undefined;
  for (const ins of fn.instructions) if (ins.pc < frame.pc) at = ins;
  return at ? { fn: fn.index, pc: at.pc } : null;
}

/** The functions the panel lists (one, or all). */
export function shownFunctions(): BytecodeFunction[] {
  if (bytecode.selected === ALL_FUNCTIONS) return bytecode.functions;
  const fn = bytecode.functions.find((f) => f.index === bytecode.selected);
  return fn ? [fn] : bytecode.functions;
}

/** A function as the picker names it. */
export function functionLabel(fn: BytecodeFunction): string {
  return `${fn.name} — ${fn.kind}, line ${fn.line} (${fn.instructions.length} instructions)`;
}

function sessionListing(): boolean {
  return debug.sessionId !== null && (debug.status === 'paused' || debug.status === 'waiting') && debugFile() === activePath.value;
}

let generation = 0;

/** Fetches the listing: from the stopped session, or compiled from the editor's text. */
export async function refreshListing(): Promise<void> {
  const bridge = maybeApi();
  const path = activePath.value;
  if (!bridge || !path) return;
  const mine = ++generation;
  bytecode.loading = true;
  try {
    let functions: BytecodeFunction[];
    let origin: 'session' | 'program';
    if (sessionListing()) {
      const r = await api().invoke('session.debug', { id: debug.sessionId!, command: 'disassemble', args: {} });
      functions = r.result as BytecodeFunction[];
      origin = 'session';
    } else {
      const text = documents.get(path)?.text ?? activeEditor.value?.state.doc.toString() ?? '';
      functions = await bridge.invoke('program.disassemble', { source: text, mocks: mocksFor(path), inputs: selectedConfig(path)?.inputs ?? {} });
      origin = 'program';
    }
    if (mine !== generation) return;
    const changedProgram = bytecode.path !== path || bytecode.functions.length !== functions.length;
    bytecode.functions = functions;
    bytecode.origin = origin;
    bytecode.path = path;
    bytecode.error = null;
    if (changedProgram && !functions.some((f) => f.index === bytecode.selected)) bytecode.selected = ALL_FUNCTIONS;
    // paused: show the function being run
    const current = currentInstruction();
    if (current) bytecode.selected = current.fn;
  } catch (error) {
    if (mine !== generation) return;
    bytecode.error = messageOf(error);
  } finally {
    if (mine === generation) bytecode.loading = false;
  }
}

/** Decorations for the editor: coloured lines of the shown functions, the active span and line. */
function pushLinks(): void {
  const view = activeEditor.value;
  if (!view) return;
  if (!bytecode.visible || bytecode.path !== activePath.value || bytecode.error) {
    view.dispatch({ effects: setLinks.of(null) });
    return;
  }
  const lines = new Set<number>();
  for (const fn of shownFunctions()) for (const ins of fn.instructions) if (ins.span) lines.add(ins.span.line);
  const active = bytecode.activeInstruction;
  const span = active ? bytecode.functions.find((f) => f.index === active.fn)?.instructions.find((i) => i.pc === active.pc)?.span : undefined;
  view.dispatch({
    effects: setLinks.of({ lines: [...lines], span: span ? { from: span.start, to: span.end } : null, activeLine: bytecode.activeLine }),
  });
}

/** The panel's hover or click on an instruction: highlight its source (and scroll it into view). */
export function linkInstruction(fn: number, ins: BytecodeInstruction | null, reveal = false): void {
  bytecode.activeInstruction = ins ? { fn, pc: ins.pc } : null;
  bytecode.activeLine = ins?.span?.line ?? null;
  const view = activeEditor.value;
  if (ins?.span && view && ins.span.end <= view.state.doc.length) {
    view.dispatch({
      effects: EditorView.scrollIntoView(ins.span.start, { y: 'nearest' }),
      ...(reveal ? { selection: { anchor: ins.span.start, head: ins.span.end } } : {}),
    });
  }
}

// The editor tells which source line the mouse is on (or was clicked).
onSourceLink({
  hover(line) {
    if (!bytecode.visible) return;
    bytecode.activeInstruction = null;
    bytecode.activeLine = line;
  },
  select(line) {
    if (!bytecode.visible) return;
    bytecode.activeInstruction = null;
    bytecode.activeLine = line;
  },
});

watch(
  () => [bytecode.visible, bytecode.functions, bytecode.selected, bytecode.activeLine, bytecode.activeInstruction, bytecode.error, activePath.value, activeEditor.value] as const,
  pushLinks,
);

// Refetch when the panel shows, the document or its text changes (debounced), or the session stops elsewhere.
let timer: ReturnType<typeof setTimeout> | undefined;
function soon(delay: number): void {
  clearTimeout(timer);
  if (bytecode.visible) timer = setTimeout(() => void refreshListing(), delay);
}
watch(
  () => [bytecode.visible, activePath.value] as const,
  () => soon(0),
);
// the text, its mocks (loaded after the document) and its run configuration name the globals
watch(
  () => (activePath.value ? [documents.get(activePath.value)?.text, mocksFor(activePath.value), selectedConfig(activePath.value)?.inputs] : undefined),
  () => {
    if (!sessionListing()) soon(400);
  },
);
watch(
  () => [debug.status, debug.sessionId, selectedFrame()?.functionIndex, selectedFrame()?.pc, selectedFrame()?.index] as const,
  () => soon(0),
);
