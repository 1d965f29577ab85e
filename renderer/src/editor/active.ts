/** The editor view of the active tab, for stores that move the cursor or dispatch effects into it. */
import type { EditorView } from '@codemirror/view';
import { ref, shallowRef } from 'vue';

/** Null while no editor is mounted. */
export const activeEditor = shallowRef<EditorView | null>(null);

/** The path of the document the editor shows (its state changes when this does). */
export const activePath = ref<string | null>(null);

/** Moves the cursor to a 1-based line and column of the active editor, scrolls it into view and focuses it. */
export function revealPosition(line: number, column = 1): void {
  const view = activeEditor.value;
  if (!view) return;
  const doc = view.state.doc;
  const target = doc.line(Math.min(Math.max(1, line), doc.lines));
  const pos = Math.min(target.from + Math.max(0, column - 1), target.to);
  view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  view.focus();
}
