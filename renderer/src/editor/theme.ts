/**
 * The editor's look: colours come from the workbench's CSS variables (light or dark, see
 * stores/theme.ts), and the editor's own dark flag follows the same choice.
 */
import { Compartment, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { watch } from 'vue';
import { isDark } from '../stores/theme';

/** Structural theme; every colour is a `--cs-*` variable defined in styles.css. */
export const studioTheme: Extension = EditorView.theme({
  '&': { height: '100%', color: 'var(--cs-editor-fg)', backgroundColor: 'var(--cs-editor-bg)' },
  '.cm-scroller': { fontFamily: 'var(--cs-mono-font)', fontSize: '13px', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--cs-editor-cursor)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--cs-editor-cursor)' },
  '.cm-gutters': { backgroundColor: 'var(--cs-editor-bg)', color: 'var(--cs-editor-gutter-fg)', border: 'none' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--cs-editor-fg)' },
  '.cm-activeLine': { backgroundColor: 'var(--cs-editor-active-line)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--cs-editor-selection)',
  },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--cs-editor-bracket)', outline: 'none' },
  '.cm-foldPlaceholder': { backgroundColor: 'transparent', border: 'none', color: 'var(--cs-editor-gutter-fg)' },
});

/**
 * Keeps `EditorView.darkTheme` (which picks CodeMirror's built-in panel and tooltip colours) in
 * step with the workbench theme. Add `extension` to the editor, then call `follow(view)`; it returns
 * the function that stops following, for when the view is destroyed.
 */
export function followColorScheme(): { extension: Extension; follow(view: EditorView): () => void } {
  const compartment = new Compartment();
  return {
    extension: compartment.of(EditorView.darkTheme.of(isDark.value)),
    follow(view) {
      return watch(isDark, (dark) => view.dispatch({ effects: compartment.reconfigure(EditorView.darkTheme.of(dark)) }));
    },
  };
}
