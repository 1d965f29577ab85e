/** Builds a script editor: CodeMirror's basic setup, JavaScript, and the studio's look. */
import { javascript } from '@codemirror/lang-javascript';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { studioHighlighting } from './highlight';
import { followColorScheme, studioTheme } from './theme';

/** Cursor position as the status bar shows it (1-based line and column). */
export interface CursorPosition {
  line: number;
  column: number;
}

/** Options for {@link createScriptEditor}. */
export interface ScriptEditorOptions {
  parent: HTMLElement;
  doc: string;
  /** Accessible name of the editable area. */
  label: string;
  onCursor?: (position: CursorPosition) => void;
}

/** Creates the editor in `parent`; `destroy` also stops following the OS colour scheme. */
export function createScriptEditor(options: ScriptEditorOptions): { view: EditorView; destroy(): void } {
  const scheme = followColorScheme();
  const reportCursor = EditorView.updateListener.of((update) => {
    if (!options.onCursor || (!update.selectionSet && !update.docChanged)) return;
    const head = update.state.selection.main.head;
    const line = update.state.doc.lineAt(head);
    options.onCursor({ line: line.number, column: head - line.from + 1 });
  });
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        basicSetup,
        javascript(),
        studioHighlighting,
        studioTheme,
        scheme.extension,
        reportCursor,
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
      ],
    }),
  });
  const stopFollowing = scheme.follow(view);
  return {
    view,
    destroy() {
      stopFollowing();
      view.destroy();
    },
  };
}
