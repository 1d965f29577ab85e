/**
 * The breakpoint gutter: red dots left of the line numbers, as in VS Code. A click toggles a
 * breakpoint, the context menu adds conditional breakpoints, hit counts and logpoints (edited in
 * a small inline editor below the line), enables, disables and removes them.
 *
 * The debug store owns the breakpoints (per file); this module draws the ones it is given
 * ({@link setBreakpointMarks}), keeps them on their lines while the text is edited, and reports
 * what the user asks for through {@link BreakpointHandlers}. Nothing here talks to the bridge.
 */
import { MapMode, RangeSet, StateEffect, StateField, type EditorState, type Extension, type Text } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, WidgetType, gutter, type DecorationSet } from '@codemirror/view';

/** What a breakpoint stops on besides its line. */
export interface BreakpointOptions {
  /** Stop only when this expression is truthy. */
  condition?: string;
  /** Stop from the Nth hit on. */
  hitCount?: number;
  /** A logpoint: log this text (`{expr}` parts evaluated) instead of stopping. */
  logMessage?: string;
}

/** One breakpoint as the gutter draws it. */
export interface BreakpointMark extends BreakpointOptions {
  /** The store's id, stable while the breakpoint lives. */
  id: string;
  /** 1-based line. */
  line: number;
  enabled: boolean;
  /** False when the running program has no code there (drawn hollow). */
  verified?: boolean;
  /** Why it is unverified or where it moved from, for the tooltip. */
  message?: string;
}

/** What the user asked for, by 1-based line; the store decides what it means. */
export interface BreakpointHandlers {
  toggle(line: number): void;
  /** Creates or changes the breakpoint on `line`. */
  edit(line: number, options: BreakpointOptions): void;
  setEnabled(line: number, enabled: boolean): void;
  remove(line: number): void;
  /** Edits moved breakpoints to other lines (or merged two onto one line: `removed`). */
  moved(marks: { id: string; line: number }[], removed: string[]): void;
  /** Offered in the context menu while the program is paused. */
  runToLine?: { enabled(): boolean; run(line: number): void };
}

/** Replaces the marks drawn (the store's breakpoints of the file in the editor). */
export const setBreakpointMarks = StateEffect.define<BreakpointMark[]>();

/** Kinds of inline edits, as VS Code's breakpoint editor offers them. */
export type BreakpointEditKind = 'condition' | 'hitCount' | 'logMessage';

/** Opens (a line number) or closes (null) the inline breakpoint editor. */
export const openBreakpointEditor = StateEffect.define<{ line: number; kind: BreakpointEditKind } | null>();

/** The kind of dot: plain, conditional (a bar), logpoint (a diamond). */
export function markKind(m: BreakpointOptions): 'plain' | 'conditional' | 'log' {
  if (m.logMessage) return 'log';
  if (m.condition || m.hitCount) return 'conditional';
  return 'plain';
}

/** The tooltip of a breakpoint. */
export function markTitle(m: BreakpointMark): string {
  const parts: string[] = [m.logMessage ? `Logpoint: ${m.logMessage}` : 'Breakpoint'];
  if (m.condition) parts.push(`Condition: ${m.condition}`);
  if (m.hitCount) parts.push(`Hit count: ${m.hitCount}`);
  if (!m.enabled) parts.push('(disabled)');
  if (m.message) parts.push(m.message);
  else if (m.verified === false) parts.push('(not verified: no code on this line)');
  return parts.join('\n');
}

class BreakpointMarker extends GutterMarker {
  constructor(readonly mark: BreakpointMark) {
    super();
  }

  // a breakpoint whose line is deleted stays on the line the deletion joined (never dropped)
  override mapMode = MapMode.Simple;

  override eq(other: BreakpointMarker): boolean {
    const a = this.mark;
    const b = other.mark;
    return (
      a.id === b.id && a.enabled === b.enabled && a.verified === b.verified && a.condition === b.condition &&
      a.hitCount === b.hitCount && a.logMessage === b.logMessage && a.message === b.message
    );
  }

  override toDOM(): Node {
    const m = this.mark;
    const dot = document.createElement('div');
    dot.className = `cm-breakpoint cm-breakpoint-${markKind(m)}`;
    if (!m.enabled) dot.classList.add('cm-breakpoint-disabled');
    else if (m.verified === false) dot.classList.add('cm-breakpoint-unverified');
    dot.title = markTitle(m);
    dot.dataset['line'] = String(m.line);
    return dot;
  }
}

/** Builds the marker set for `marks` on `doc` (lines past the end are dropped, one per line). */
export function marksToSet(doc: Text, marks: readonly BreakpointMark[]): RangeSet<BreakpointMarker> {
  const seen = new Set<number>();
  const ranges = [];
  for (const m of [...marks].sort((a, b) => a.line - b.line)) {
    if (m.line < 1 || m.line > doc.lines || seen.has(m.line)) continue;
    seen.add(m.line);
    ranges.push(new BreakpointMarker(m).range(doc.line(m.line).from));
  }
  return RangeSet.of(ranges);
}

/** The marks as they now stand (lines after edits), first per line. */
export function currentMarks(state: EditorState): BreakpointMark[] {
  const out: BreakpointMark[] = [];
  const set = state.field(breakpointField, false);
  if (!set) return out;
  const lines = new Set<number>();
  for (let it = set.iter(); it.value; it.next()) {
    const line = state.doc.lineAt(it.from).number;
    if (lines.has(line)) continue;
    lines.add(line);
    out.push({ ...it.value.mark, line });
  }
  return out;
}

/** The mark on a 1-based line, if any. */
export function markAt(state: EditorState, line: number): BreakpointMark | null {
  return currentMarks(state).find((m) => m.line === line) ?? null;
}

/** Breakpoint markers by position; mapped through edits so they stay on their statements. */
export const breakpointField = StateField.define<RangeSet<BreakpointMarker>>({
  create: () => RangeSet.empty,
  update(set, tr) {
    let next = set.map(tr.changes);
    for (const e of tr.effects) if (e.is(setBreakpointMarks)) next = marksToSet(tr.state.doc, e.value);
    // a marker mapped into the middle of a line (its line start was deleted) moves to the line start
    if (tr.docChanged) {
      let misplaced = false;
      for (let it = next.iter(); it.value; it.next()) if (tr.state.doc.lineAt(it.from).from !== it.from) misplaced = true;
      if (misplaced) next = marksToSet(tr.state.doc, currentMarksOf(tr.state.doc, next));
    }
    return next;
  },
});

function currentMarksOf(doc: Text, set: RangeSet<BreakpointMarker>): BreakpointMark[] {
  const out: BreakpointMark[] = [];
  for (let it = set.iter(); it.value; it.next()) out.push({ ...it.value.mark, line: doc.lineAt(it.from).number });
  return out;
}

// ---- the inline editor ---------------------------------------------------------------------

interface EditorOpen {
  pos: number;
  kind: BreakpointEditKind;
}

const PLACEHOLDERS: Record<BreakpointEditKind, string> = {
  condition: "Break when expression evaluates to true. 'Enter' to accept, 'Esc' to cancel.",
  hitCount: "Break when hit count is met (a number). 'Enter' to accept, 'Esc' to cancel.",
  logMessage: "Message to log when the breakpoint is hit. Expressions within {} are interpolated. 'Enter' to accept, 'Esc' to cancel.",
};

const KIND_LABELS: Record<BreakpointEditKind, string> = { condition: 'Expression', hitCount: 'Hit Count', logMessage: 'Log Message' };

/** The value the inline editor starts with for a kind. */
function initialValue(mark: BreakpointMark | null, kind: BreakpointEditKind): string {
  if (!mark) return '';
  if (kind === 'condition') return mark.condition ?? '';
  if (kind === 'hitCount') return mark.hitCount ? String(mark.hitCount) : '';
  return mark.logMessage ?? '';
}

/**
 * The options a breakpoint has after the inline editor accepted `text` for `kind`; the other
 * options stay. An empty text clears that option. Returns an error message for a bad hit count.
 */
export function applyEdit(mark: BreakpointOptions | null, kind: BreakpointEditKind, text: string): BreakpointOptions | string {
  const next: BreakpointOptions = { condition: mark?.condition, hitCount: mark?.hitCount, logMessage: mark?.logMessage };
  const value = text.trim();
  if (kind === 'hitCount') {
    if (value && !/^[1-9]\d*$/.test(value)) return 'The hit count must be a whole number ≥ 1';
    next.hitCount = value ? Number(value) : undefined;
  } else next[kind] = value || undefined;
  for (const k of Object.keys(next) as (keyof BreakpointOptions)[]) if (next[k] === undefined) delete next[k];
  return next;
}

class BreakpointEditorWidget extends WidgetType {
  constructor(
    readonly line: number,
    readonly kind: BreakpointEditKind,
    readonly handlers: BreakpointHandlers,
  ) {
    super();
  }

  override eq(other: BreakpointEditorWidget): boolean {
    return other.line === this.line && other.kind === this.kind;
  }

  override toDOM(view: EditorView): HTMLElement {
    const box = document.createElement('div');
    box.className = 'cm-breakpoint-editor';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', `Breakpoint editor, line ${this.line}`);
    const select = document.createElement('select');
    select.setAttribute('aria-label', 'Breakpoint type');
    for (const k of Object.keys(KIND_LABELS) as BreakpointEditKind[]) {
      const option = document.createElement('option');
      option.value = k;
      option.textContent = KIND_LABELS[k];
      option.selected = k === this.kind;
      select.append(option);
    }
    const input = document.createElement('input');
    input.type = 'text';
    input.spellcheck = false;
    const mark = markAt(view.state, this.line);
    const setKind = (kind: BreakpointEditKind) => {
      input.placeholder = PLACEHOLDERS[kind];
      input.setAttribute('aria-label', KIND_LABELS[kind]);
      input.value = initialValue(mark, kind);
    };
    setKind(this.kind);
    const error = document.createElement('span');
    error.className = 'cm-breakpoint-editor-error';
    error.setAttribute('role', 'alert');
    select.addEventListener('change', () => {
      setKind(select.value as BreakpointEditKind);
      input.focus();
    });
    const close = () => {
      view.dispatch({ effects: openBreakpointEditor.of(null) });
      view.focus();
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        const next = applyEdit(markAt(view.state, this.line), select.value as BreakpointEditKind, input.value);
        if (typeof next === 'string') {
          error.textContent = next;
          return;
        }
        this.handlers.edit(this.line, next);
        close();
      }
    });
    box.append(select, input, error);
    // focus once the widget is in the document
    queueMicrotask(() => input.focus());
    return box;
  }

  override ignoreEvent(): boolean {
    return true;
  }
}

/** The inline editor's state, drawn as a block widget below its line. */
function editorFieldWithWidget(handlers: BreakpointHandlers): StateField<EditorOpen | null> {
  return StateField.define<EditorOpen | null>({
    create: () => null,
    update(open, tr) {
      let next = open && { ...open, pos: tr.changes.mapPos(open.pos) };
      for (const e of tr.effects) {
        if (e.is(openBreakpointEditor)) {
          const line = e.value && e.value.line >= 1 && e.value.line <= tr.state.doc.lines ? tr.state.doc.line(e.value.line) : null;
          next = e.value && line ? { pos: line.to, kind: e.value.kind } : null;
        }
      }
      return next;
    },
    provide: (f) =>
      EditorView.decorations.compute([f], (state): DecorationSet => {
        const open = state.field(f);
        if (!open) return Decoration.none;
        const line = state.doc.lineAt(Math.min(open.pos, state.doc.length));
        const widget = new BreakpointEditorWidget(line.number, open.kind, handlers);
        return Decoration.set([Decoration.widget({ widget, block: true, side: 1 }).range(line.to)]);
      }),
  });
}

// ---- the context menu ----------------------------------------------------------------------

interface MenuItem {
  label: string;
  run(): void;
  disabled?: boolean;
}

/** Context menu entries for a gutter line, as VS Code offers them. */
export function menuItems(view: EditorView, line: number, handlers: BreakpointHandlers): MenuItem[] {
  const mark = markAt(view.state, line);
  const open = (kind: BreakpointEditKind) => () => view.dispatch({ effects: openBreakpointEditor.of({ line, kind }) });
  const items: MenuItem[] = mark
    ? [
        { label: 'Remove Breakpoint', run: () => handlers.remove(line) },
        { label: 'Edit Condition…', run: open('condition') },
        { label: 'Edit Hit Count…', run: open('hitCount') },
        { label: 'Edit Log Message…', run: open('logMessage') },
        mark.enabled
          ? { label: 'Disable Breakpoint', run: () => handlers.setEnabled(line, false) }
          : { label: 'Enable Breakpoint', run: () => handlers.setEnabled(line, true) },
      ]
    : [
        { label: 'Add Breakpoint', run: () => handlers.toggle(line) },
        { label: 'Add Conditional Breakpoint…', run: open('condition') },
        { label: 'Add Logpoint…', run: open('logMessage') },
      ];
  if (handlers.runToLine) {
    const r = handlers.runToLine;
    items.push({ label: 'Run to Line', run: () => r.run(line), disabled: !r.enabled() });
  }
  return items;
}

let openMenu: { element: HTMLElement; close(): void } | null = null;

/** Shows the gutter's context menu at the pointer; arrow keys, Enter and Escape work in it. */
function showMenu(view: EditorView, line: number, x: number, y: number, handlers: BreakpointHandlers): void {
  openMenu?.close();
  const menu = document.createElement('div');
  menu.className = 'cm-breakpoint-menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', `Breakpoint actions, line ${line}`);
  const buttons: HTMLButtonElement[] = [];
  const close = () => {
    menu.remove();
    document.removeEventListener('mousedown', outside, true);
    if (openMenu?.element === menu) openMenu = null;
  };
  const outside = (event: MouseEvent) => {
    if (!menu.contains(event.target as Node)) close();
  };
  for (const item of menuItems(view, line, handlers)) {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'menuitem');
    b.textContent = item.label;
    b.disabled = item.disabled === true;
    b.addEventListener('click', () => {
      close();
      // the inline editor, when the item opens one, takes the focus back from the editor
      view.focus();
      item.run();
    });
    buttons.push(b);
    menu.append(b);
  }
  menu.addEventListener('keydown', (event) => {
    const enabled = buttons.filter((b) => !b.disabled);
    const at = enabled.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      view.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      enabled[(at + step + enabled.length) % enabled.length]?.focus();
    }
  });
  menu.style.left = `${x}px`;
  menu.style.top = `${y}px`;
  // inside the editor's root (fixed position) so the editor theme styles it
  view.dom.append(menu);
  document.addEventListener('mousedown', outside, true);
  openMenu = { element: menu, close };
  buttons.find((b) => !b.disabled)?.focus();
}

const spacer = new (class extends GutterMarker {
  override toDOM(): Node {
    const d = document.createElement('div');
    d.className = 'cm-breakpoint-spacer';
    return d;
  }
})();

/**
 * The gutter, its state and the inline editor. `handlers` receive 1-based line numbers;
 * the store answers by dispatching {@link setBreakpointMarks}.
 */
export function breakpoints(handlers: BreakpointHandlers): Extension {
  const editor = editorFieldWithWidget(handlers);
  const reportMoves = EditorView.updateListener.of((update) => {
    if (!update.docChanged) return;
    const before = currentMarksOf(update.startState.doc, update.startState.field(breakpointField));
    const after = currentMarks(update.state);
    const ids = new Set(after.map((m) => m.id));
    const removed = before.filter((m) => !ids.has(m.id)).map((m) => m.id);
    const moved = after.filter((m) => before.find((b) => b.id === m.id)?.line !== m.line).map((m) => ({ id: m.id, line: m.line }));
    if (moved.length || removed.length) handlers.moved(moved, removed);
  });
  return [
    breakpointField,
    editor,
    reportMoves,
    gutter({
      class: 'cm-breakpoint-gutter',
      markers: (v) => v.state.field(breakpointField),
      initialSpacer: () => spacer,
      domEventHandlers: {
        mousedown(view, block, event) {
          const e = event as MouseEvent;
          if (e.button !== 0) return false;
          handlers.toggle(view.state.doc.lineAt(block.from).number);
          e.preventDefault();
          return true;
        },
        contextmenu(view, block, event) {
          const e = event as MouseEvent;
          e.preventDefault();
          showMenu(view, view.state.doc.lineAt(block.from).number, e.clientX, e.clientY, handlers);
          return true;
        },
      },
    }),
  ];
}
