/** Builds script editors: CodeMirror's basic setup, JavaScript, the studio's look and its features. */
import { javascript } from '@codemirror/lang-javascript';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { studioHighlighting } from './highlight';
import { followColorScheme, studioTheme } from './theme';

/** Cursor position as the status bar shows it (1-based line and column). */
export interface CursorPosition {
  line: number;
  column: number;
}

/** What one document's editor state is made of. */
export interface ScriptStateOptions {
  doc: string;
  /** Accessible name of the editable area. */
  label: string;
  /** Feature extensions (editor/extensions.ts): diagnostics, breakpoints, … */
  extensions?: readonly Extension[];
  /** Called on every change of the text. */
  onChange?: (text: string) => void;
  onCursor?: (position: CursorPosition) => void;
}

/**
 * A fresh editor state for one document (one per tab: switching tabs swaps states, so each
 * keeps its own undo history, selection and scroll).
 */
export function createScriptState(options: ScriptStateOptions, scheme: Extension): EditorState {
  const listen = EditorView.updateListener.of((update) => {
    if (update.docChanged) options.onChange?.(update.state.doc.toString());
    if (!options.onCursor || (!update.selectionSet && !update.docChanged)) return;
    const head = update.state.selection.main.head;
    const line = update.state.doc.lineAt(head);
    options.onCursor({ line: line.number, column: head - line.from + 1 });
  });
  return EditorState.create({
    doc: options.doc,
    extensions: [
      basicSetup,
      javascript(),
      studioHighlighting,
      studioTheme,
      scheme,
      listen,
      EditorView.contentAttributes.of({ 'aria-label': options.label }),
      ...(options.extensions ?? []),
    ],
  });
}

/** Options for {@link createScriptEditor}: the first document and where to mount. */
export interface ScriptEditorOptions extends ScriptStateOptions {
  parent: HTMLElement;
}

/** A mounted editor; `stateFor` makes states for further documents that follow the same theme. */
export interface ScriptEditor {
  view: EditorView;
  stateFor(options: ScriptStateOptions): EditorState;
  destroy(): void;
}

/** Creates the editor in `parent`; `destroy` also stops following the workbench theme. */
export function createScriptEditor(options: ScriptEditorOptions): ScriptEditor {
  const scheme = followColorScheme();
  const view = new EditorView({ parent: options.parent, state: createScriptState(options, scheme.extension) });
  const stopFollowing = scheme.follow(view);
  return {
    view,
    stateFor: (stateOptions) => createScriptState(stateOptions, scheme.extension),
    destroy() {
      stopFollowing();
      view.destroy();
    },
  };
}
