/**
 * Source ↔ bytecode linking in the editor, Compiler Explorer style: while the Bytecode panel is
 * shown, every source line with instructions gets the background colour its instructions have
 * in the panel; the span of the instruction under the mouse in the panel is outlined here; and
 * hovering or clicking a source line tells the panel which instructions to highlight.
 */
import { RangeSetBuilder, StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet } from '@codemirror/view';

/** Number of link colours (`--cs-link-0` … in styles.css); a line's colour is `(line - 1) % LINK_COLOURS`. */
export const LINK_COLOURS = 8;

/** The colour index of a source line: adjacent lines always differ. */
export function linkColour(line: number): number {
  return (((line - 1) % LINK_COLOURS) + LINK_COLOURS) % LINK_COLOURS;
}

/** What the editor shows of the link. */
export interface LinkState {
  /** Source lines that have instructions in the listing shown. */
  lines: readonly number[];
  /** The span of the instruction hovered or selected in the panel (document offsets). */
  span: { from: number; to: number } | null;
  /** The source line whose instructions are highlighted (hovered on either side). */
  activeLine: number | null;
}

/** Replaces the link decorations (null removes them: the panel is hidden). */
export const setLinks = StateEffect.define<LinkState | null>();

/** Called with the 1-based line under the mouse (null when it leaves), and on clicks. */
export interface SourceLinkHandlers {
  hover(line: number | null): void;
  select(line: number): void;
}

let handlers: SourceLinkHandlers | null = null;

/** The bytecode store registers what source hovers and clicks do. */
export function onSourceLink(h: SourceLinkHandlers | null): void {
  handlers = h;
}

function build(state: EditorState, links: LinkState | null): DecorationSet {
  if (!links) return Decoration.none;
  const doc = state.doc;
  const decos: { from: number; to: number; deco: Decoration }[] = [];
  for (const line of new Set(links.lines)) {
    if (line < 1 || line > doc.lines) continue;
    const from = doc.line(line).from;
    const active = line === links.activeLine ? ' cm-bc-active' : '';
    decos.push({ from, to: from, deco: Decoration.line({ class: `cm-bc-line cm-bc-c${linkColour(line)}${active}` }) });
  }
  const span = links.span;
  if (span && span.from < span.to && span.to <= doc.length) decos.push({ from: span.from, to: span.to, deco: Decoration.mark({ class: 'cm-bc-span' }) });
  // RangeSetBuilder wants ranges by position, line decorations before marks at the same place
  decos.sort((a, b) => a.from - b.from || a.deco.startSide - b.deco.startSide);
  const builder = new RangeSetBuilder<Decoration>();
  for (const d of decos) builder.add(d.from, d.to, d.deco);
  return builder.finish();
}

const linkField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setLinks)) return build(tr.state, e.value);
    return tr.docChanged ? value.map(tr.changes) : value;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** Reports the line under the mouse, and the line clicked, to the bytecode store. */
const pointer = ViewPlugin.fromClass(
  class {
    last: number | null = null;
    constructor(readonly view: EditorView) {}
    report(line: number | null): void {
      if (line === this.last) return;
      this.last = line;
      handlers?.hover(line);
    }
  },
  {
    eventHandlers: {
      mousemove(event) {
        const pos = this.view.posAtCoords({ x: event.clientX, y: event.clientY }, false);
        this.report(pos === null ? null : this.view.state.doc.lineAt(pos).number);
      },
      mouseleave() {
        this.report(null);
      },
      mouseup() {
        handlers?.select(this.view.state.doc.lineAt(this.view.state.selection.main.head).number);
      },
    },
  },
);

const linkTheme = EditorView.baseTheme({
  ...Object.fromEntries(Array.from({ length: LINK_COLOURS }, (_, k) => [`.cm-bc-line.cm-bc-c${k}`, { backgroundColor: `var(--cs-link-${k})` }])),
  '.cm-bc-line.cm-bc-active': { boxShadow: 'inset 3px 0 0 var(--cs-focus)' },
  '.cm-bc-span': { outline: '1px solid var(--cs-focus)', borderRadius: '2px', backgroundColor: 'color-mix(in srgb, var(--cs-focus) 18%, transparent)' },
});

/** The linking extension (no decorations until the Bytecode panel sends some). */
export function bytecodeLink(): Extension {
  return [linkField, pointer, linkTheme];
}
