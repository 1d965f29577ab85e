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
  return [debugLineField, lineDecorations, gutterClasses];
}

/** Shows `line` (null clears) and scrolls it into view when it is off screen. */
export function showDebugLine(view: EditorView, line: DebugLine | null): void {
  const effects: StateEffect<unknown>[] = [setDebugLine.of(line)];
  if (line && line.line >= 1 && line.line <= view.state.doc.lines) {
    effects.push(EditorView.scrollIntoView(view.state.doc.line(line.line).from, { y: 'nearest', yMargin: 80 }));
  }
  view.dispatch({ effects });
}
