/**
 * Syntax highlighting as stable CSS classes (`tok-*`), coloured by the workbench stylesheet's
 * theme variables: one highlighter serves the light and the dark theme, and tests can find tokens.
 */
import { syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { tagHighlighter, tags as t } from '@lezer/highlight';

/** Maps Lezer tags to the token classes styled in styles.css (close to VS Code's Dark+/Light+ groups). */
export const studioHighlighter = tagHighlighter([
  { tag: [t.keyword, t.modifier, t.operatorKeyword], class: 'tok-keyword' },
  { tag: [t.controlKeyword, t.moduleKeyword], class: 'tok-control' },
  { tag: [t.bool, t.null, t.atom, t.self], class: 'tok-atom' },
  { tag: t.number, class: 'tok-number' },
  { tag: [t.string, t.special(t.string)], class: 'tok-string' },
  { tag: [t.regexp, t.escape], class: 'tok-regexp' },
  { tag: t.comment, class: 'tok-comment' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], class: 'tok-function' },
  { tag: [t.className, t.typeName], class: 'tok-type' },
  { tag: [t.propertyName, t.definition(t.propertyName)], class: 'tok-property' },
  { tag: [t.variableName, t.definition(t.variableName), t.local(t.variableName)], class: 'tok-variable' },
  { tag: [t.operator, t.punctuation, t.bracket], class: 'tok-punctuation' },
  { tag: t.invalid, class: 'tok-invalid' },
]);

/** The highlighting extension for script editors. */
export const studioHighlighting: Extension = syntaxHighlighting(studioHighlighter);
