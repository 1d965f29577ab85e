/**
 * Inline values while paused, as VS Code shows them: after each line of the paused function up
 * to the paused line, `name = value` for the variables named on that line that are in scope.
 * The values come from the debugger's scopes (the debug store); this module finds where names
 * occur (from the syntax tree) and draws them.
 */
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import { StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import type { SyntaxNode } from '@lezer/common';

/** The text drawn after one line. */
export interface InlineValue {
  /** 1-based line. */
  line: number;
  text: string;
}

/** Replaces the inline values drawn (an empty list clears them). */
export const setInlineValues = StateEffect.define<InlineValue[]>();

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunction', 'MethodDeclaration']);
const NAMES = new Set(['VariableName', 'VariableDefinition']);
const MAX_VALUE = 40;
const MAX_LINE = 120;

function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The innermost function around `pos`, or null at the top level of the script. */
function enclosingFunction(state: EditorState, pos: number): SyntaxNode | null {
  for (let n: SyntaxNode | null = syntaxTree(state).resolveInner(pos, 1); n; n = n.parent) if (FUNCTIONS.has(n.name)) return n;
  return null;
}

/**
 * Inline values for a program paused on `line`: names on the lines from the start of the
 * enclosing function (or the script) to `line` that `values` knows (name → preview), once per
 * line, in order; nested functions' own names are skipped (they are other scopes).
 */
export function computeInlineValues(state: EditorState, line: number, values: ReadonlyMap<string, string>): InlineValue[] {
  if (line < 1 || line > state.doc.lines || values.size === 0) return [];
  const tree = ensureSyntaxTree(state, state.doc.line(line).to, 200) ?? syntaxTree(state);
  const stop = state.doc.line(line);
  const at = stop.from + (/^\s*/.exec(stop.text)?.[0].length ?? 0);
  const fn = enclosingFunction(state, at);
  const from = fn ? fn.from : 0;
  const byLine = new Map<number, string[]>();
  tree.iterate({
    from,
    to: stop.to,
    enter(node) {
      if (node.to < from || node.from > stop.to) return false;
      // another function: its names are its own scope (the enclosing one itself is walked)
      if (FUNCTIONS.has(node.name) && !(fn && node.from === fn.from && node.to === fn.to) && node.from >= from) return false;
      if (!NAMES.has(node.name)) return undefined;
      const name = state.doc.sliceString(node.from, node.to);
      if (!values.has(name)) return undefined;
      const n = state.doc.lineAt(node.from).number;
      const names = byLine.get(n) ?? [];
      if (!names.includes(name)) names.push(name);
      byLine.set(n, names);
      return undefined;
    },
  });
  return [...byLine.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([n, names]) => ({ line: n, text: clip(names.map((name) => `${name} = ${clip(values.get(name) ?? '', MAX_VALUE)}`).join(', '), MAX_LINE) }));
}

class InlineValueWidget extends WidgetType {
  constructor(readonly text: string) {
    super();
  }

  override eq(other: InlineValueWidget): boolean {
    return other.text === this.text;
  }

  override toDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'cm-inline-value';
    span.textContent = this.text;
    return span;
  }
}

const inlineValuesField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(set, tr) {
    let next = set.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setInlineValues)) continue;
      const doc = tr.state.doc;
      next = Decoration.set(
        e.value
          .filter((v) => v.line >= 1 && v.line <= doc.lines)
          .map((v) => Decoration.widget({ widget: new InlineValueWidget(v.text), side: 1 }).range(doc.line(v.line).to)),
        true,
      );
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** The inline values extension; drive it with {@link setInlineValues}. */
export function inlineValues(): Extension {
  return inlineValuesField;
}
