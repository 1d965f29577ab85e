/**
 * Marks the statement where a run crossed a limit: a line background and the exact span,
 * set by the budget view (and cleared on the next edit of the document).
 */
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

/** Sets (a span, 1-based lines/columns) or clears (null) the mark. */
export const setLimitMark = StateEffect.define<{ line: number; column: number; endLine: number; endColumn: number; title: string } | null>();

const lineDeco = Decoration.line({ class: 'cm-limitLine' });

const field = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    if (tr.docChanged) marks = Decoration.none;
    for (const e of tr.effects) {
      if (!e.is(setLimitMark)) continue;
      if (!e.value) {
        marks = Decoration.none;
        continue;
      }
      const doc = tr.state.doc;
      const { line, column, endLine, endColumn, title } = e.value;
      if (line < 1 || line > doc.lines) continue;
      const start = doc.line(line);
      const end = doc.line(Math.min(Math.max(endLine, line), doc.lines));
      const from = Math.min(start.from + column - 1, start.to);
      const to = Math.max(from, Math.min(end.from + endColumn - 1, end.to));
      const ranges = [lineDeco.range(start.from)];
      if (to > from) ranges.push(Decoration.mark({ class: 'cm-limitSpan', attributes: { title } }).range(from, to));
      marks = Decoration.set(ranges, true);
    }
    return marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const theme = EditorView.baseTheme({
  // more specific than the active-line background, which would hide it
  '.cm-line.cm-limitLine': { backgroundColor: 'color-mix(in srgb, var(--cs-error) 18%, transparent)' },
  '.cm-limitSpan': { outline: '1px solid var(--cs-error)', borderRadius: '2px' },
});

/** The extension (editor/extensions.ts). */
export function limitMark(): Extension {
  return [field, theme];
}
