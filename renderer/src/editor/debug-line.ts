/**
 * The line the debugger stopped on: highlighted, with an arrow in the breakpoint gutter, as in
 * VS Code — yellow for the top frame, green for a frame selected in the Call Stack, red with the
 * exception shown below the line when an exception stopped the program.
 */
import { RangeSet, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, WidgetType, gutterLineClass, type DecorationSet } from '@codemirror/view';

/** Where the program stands, as the editor shows it. */
export interface DebugLine {
  /** 1-based line. */
  line: number;
  /** paused = the top frame; frame = a caller selected in the Call Stack; exception = stopped on a throw. */
  kind: 'paused' | 'frame' | 'exception';
  /** For `exception`: what was thrown (shown below the line). */
  message?: string;
}

/** Shows (or clears, with null) the stopped line. */
export const setDebugLine = StateEffect.define<DebugLine | null>();

/** The stopped line, mapped through edits made while paused. */
export const debugLineField = StateField.define<{ pos: number; line: DebugLine } | null>({
  create: () => null,
  update(value, tr) {
    let next = value && { ...value, pos: tr.changes.mapPos(value.pos) };
    for (const e of tr.effects) {
      if (!e.is(setDebugLine)) continue;
      const v = e.value;
      next = v && v.line >= 1 && v.line <= tr.state.doc.lines ? { pos: tr.state.doc.line(v.line).from, line: v } : null;
    }
    return next;
  },
});

class GutterClass extends GutterMarker {
  constructor(override readonly elementClass: string) {
    super();
  }
}

class ExceptionWidget extends WidgetType {
  constructor(readonly message: string) {
    super();
  }

  override eq(other: ExceptionWidget): boolean {
    return other.message === this.message;
  }

  override toDOM(): HTMLElement {
    const box = document.createElement('div');
    box.className = 'cm-exception-widget';
    box.setAttribute('role', 'alert');
    const title = document.createElement('strong');
    title.textContent = 'Exception has occurred: ';
    box.append(title, this.message);
    return box;
  }
}

const lineDecorations = EditorView.decorations.compute([debugLineField], (state): DecorationSet => {
  const v = state.field(debugLineField);
  if (!v) return Decoration.none;
  const line = state.doc.lineAt(v.pos);
  const ranges = [Decoration.line({ class: `cm-debug-line cm-debug-line-${v.line.kind}` }).range(line.from)];
  if (v.line.kind === 'exception' && v.line.message) {
    ranges.push(Decoration.widget({ widget: new ExceptionWidget(v.line.message), block: true, side: 1 }).range(line.to));
  }
  return Decoration.set(ranges, true);
});

const gutterClasses = gutterLineClass.compute([debugLineField], (state) => {
  const v = state.field(debugLineField);
  if (!v) return RangeSet.empty;
  return RangeSet.of([new GutterClass(`cm-debug-gutter cm-debug-gutter-${v.line.kind}`).range(state.doc.lineAt(v.pos).from)]);
});

/** The stopped-line highlight; drive it with {@link setDebugLine}. */
export function debugLine(): Extension {
  return [debugLineField, lineDecorations, gutterClasses, debugTheme];
}

/** Shows `line` (null clears) and scrolls it into view when it is off screen. */
export function showDebugLine(view: EditorView, line: DebugLine | null): void {
  const effects: StateEffect<unknown>[] = [setDebugLine.of(line)];
  if (line && line.line >= 1 && line.line <= view.state.doc.lines) {
    effects.push(EditorView.scrollIntoView(view.state.doc.line(line.line).from, { y: 'nearest', yMargin: 80 }));
  }
  view.dispatch({ effects });
}

/**
 * The look of the debugging decorations (breakpoint dots, the stopped line and its arrow, the
 * exception widget, inline values, the breakpoint editor and menu); colours are `--cs-*`
 * variables (styles.css), light and dark.
 */
export const debugTheme = EditorView.theme({
  '.cm-breakpoint-gutter': { width: '18px', cursor: 'pointer' },
  '.cm-breakpoint-gutter .cm-gutterElement': { position: 'relative', display: 'flex', alignItems: 'center', justifyContent: 'center' },
  // VS Code's hint: a faint dot where a click would add a breakpoint
  '.cm-breakpoint-gutter .cm-gutterElement:hover:not(:has(.cm-breakpoint))::before': {
    content: '""',
    width: '9px',
    height: '9px',
    borderRadius: '50%',
    background: 'var(--cs-breakpoint)',
    opacity: '0.4',
  },
  '.cm-breakpoint, .cm-breakpoint-spacer': { width: '10px', height: '10px' },
  '.cm-breakpoint': { borderRadius: '50%', background: 'var(--cs-breakpoint)' },
  '.cm-breakpoint-conditional': { position: 'relative' },
  // a conditional breakpoint: "=" on the dot, as in VS Code
  '.cm-breakpoint-conditional::after': {
    content: '""',
    position: 'absolute',
    left: '2px',
    right: '2px',
    top: '3px',
    height: '1px',
    background: 'var(--cs-editor-bg)',
    boxShadow: '0 3px 0 var(--cs-editor-bg)',
  },
  '.cm-breakpoint-log': { borderRadius: '1px', transform: 'rotate(45deg) scale(0.85)', background: 'var(--cs-breakpoint-log)' },
  '.cm-breakpoint-disabled': { background: 'var(--cs-breakpoint-disabled)', opacity: '0.7' },
  '.cm-breakpoint-unverified': { background: 'transparent', border: '1.5px solid var(--cs-breakpoint-unverified)' },
  // the stopped line: background, and an arrow drawn over the breakpoint gutter
  '.cm-debug-line-paused': { backgroundColor: 'var(--cs-debug-line-bg)' },
  '.cm-debug-line-frame': { backgroundColor: 'var(--cs-debug-frame-bg)' },
  '.cm-debug-line-exception': { backgroundColor: 'var(--cs-debug-exception-bg)' },
  '.cm-breakpoint-gutter .cm-debug-gutter::after': {
    content: '""',
    position: 'absolute',
    left: '3px',
    top: '50%',
    width: '13px',
    height: '12px',
    transform: 'translateY(-50%)',
    clipPath: 'polygon(0 25%, 55% 25%, 55% 0, 100% 50%, 55% 100%, 55% 75%, 0 75%)',
    background: 'var(--cs-debug-arrow)',
  },
  '.cm-breakpoint-gutter .cm-debug-gutter-frame::after': { background: 'var(--cs-debug-frame-arrow)' },
  '.cm-breakpoint-gutter .cm-debug-gutter-exception::after': { background: 'var(--cs-breakpoint)' },
  '.cm-exception-widget': {
    margin: '2px 0 4px',
    padding: '4px 8px',
    borderTop: '2px solid var(--cs-exception-widget-border)',
    borderBottom: '2px solid var(--cs-exception-widget-border)',
    background: 'var(--cs-exception-widget-bg)',
    fontFamily: 'var(--cs-ui-font)',
    whiteSpace: 'pre-wrap',
  },
  '.cm-inline-value': {
    marginLeft: '2.5em',
    padding: '0 4px',
    color: 'var(--cs-inline-value-fg)',
    background: 'var(--cs-inline-value-bg)',
    fontStyle: 'italic',
    borderRadius: '2px',
  },
  '.cm-breakpoint-editor': {
    display: 'flex',
    gap: '6px',
    alignItems: 'center',
    margin: '2px 0',
    padding: '4px 8px',
    borderTop: '2px solid var(--cs-focus)',
    borderBottom: '2px solid var(--cs-focus)',
    fontFamily: 'var(--cs-ui-font)',
    fontSize: '12px',
  },
  '.cm-breakpoint-editor select, .cm-breakpoint-editor input': {
    padding: '2px 4px',
    border: '1px solid var(--cs-input-border)',
    background: 'var(--cs-input-bg)',
    color: 'inherit',
    font: 'inherit',
  },
  '.cm-breakpoint-editor input': { flex: '1', fontFamily: 'var(--cs-mono-font)' },
  '.cm-breakpoint-editor-error': { color: 'var(--cs-error)' },
  '.cm-breakpoint-menu': {
    position: 'fixed',
    zIndex: '100',
    display: 'flex',
    flexDirection: 'column',
    minWidth: '220px',
    padding: '4px 0',
    border: '1px solid var(--cs-border)',
    borderRadius: '5px',
    background: 'var(--cs-menu-bg)',
    boxShadow: '0 2px 8px var(--cs-menu-shadow)',
    fontFamily: 'var(--cs-ui-font)',
    fontSize: '13px',
  },
  '.cm-breakpoint-menu button': {
    padding: '4px 16px',
    border: 'none',
    background: 'none',
    color: 'var(--cs-fg)',
    textAlign: 'left',
    cursor: 'pointer',
  },
  '.cm-breakpoint-menu button:hover:not(:disabled), .cm-breakpoint-menu button:focus': {
    background: 'var(--cs-selection-bg)',
    color: 'var(--cs-selection-fg)',
    outline: 'none',
  },
  '.cm-breakpoint-menu button:disabled': { opacity: '0.5', cursor: 'default' },
});
