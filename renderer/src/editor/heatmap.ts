/**
 * The instruction heat map: per-line instruction counts of a profiling run (the `profile`
 * debug command) drawn as a line background whose strength grows with the count, a gutter
 * bar with the count (its tooltip gives the exact figure and share), and a legend under the
 * editor. Counts span orders of magnitude, so the five levels are on a log scale.
 * Edits after profiling keep the marks on their lines and mark the map as out of date.
 */
import { RangeSet, RangeSetBuilder, StateEffect, StateField, type EditorState, type Extension, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, gutter, showPanel, type DecorationSet, type Panel } from '@codemirror/view';

/** Instructions run by one source line. */
export interface LineHeat {
  line: number;
  instructions: number;
}

/** What the heat map shows: counts by line, the run's total, and where it came from. */
export interface HeatData {
  lines: LineHeat[];
  /** Every instruction of the run, including built-ins' and unattributed ones. */
  total: number;
  /** How the profiled run ended, for the legend (e.g. `completed`). */
  outcome?: string;
}

/** Shows a heat map (or removes it, with null). */
export const setHeat = StateEffect.define<HeatData | null>();

/** One counted line, by the position of its start (kept on its line through edits). */
interface Entry {
  pos: number;
  count: number;
  level: number;
}

interface HeatState {
  data: HeatData | null;
  max: number;
  hottest: number;
  entries: Entry[];
  lines: DecorationSet;
  markers: RangeSet<GutterMarker>;
  /** The document changed since the profile was taken. */
  stale: boolean;
}

const EMPTY: HeatState = { data: null, max: 0, hottest: 0, entries: [], lines: Decoration.none, markers: RangeSet.empty, stale: false };
const LEVELS = 5;

/** The level (1..5) of a count on a log scale up to `max`. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(LEVELS, Math.ceil((LEVELS * Math.log1p(count)) / Math.log1p(max))));
}

/** 1234 → "1.2k", 2_500_000 → "2.5M": short enough for the gutter. */
export function compactCount(n: number): string {
  if (n < 1000) return String(n);
  const [div, unit] = n < 1e6 ? [1e3, 'k'] : n < 1e9 ? [1e6, 'M'] : [1e9, 'G'];
  const v = n / div;
  return `${v < 10 ? v.toFixed(1).replace(/\.0$/, '') : Math.round(v)}${unit}`;
}

class HeatMarker extends GutterMarker {
  constructor(
    readonly count: number,
    readonly level: number,
    readonly share: number,
  ) {
    super();
  }
  override eq(other: HeatMarker): boolean {
    return other.count === this.count && other.level === this.level;
  }
  override toDOM(): HTMLElement {
    const dom = document.createElement('div');
    dom.className = `cm-heat-marker cm-heat-${this.level}`;
    dom.title = `${this.count.toLocaleString('en-US')} instructions (${(this.share * 100).toFixed(1)}% of the run)`;
    const bar = document.createElement('span');
    bar.className = 'cm-heat-bar';
    bar.style.width = `${(this.level / LEVELS) * 50}%`;
    const text = document.createElement('span');
    text.className = 'cm-heat-count';
    text.textContent = compactCount(this.count);
    dom.append(bar, text);
    return dom;
  }
}

function decorate(entries: readonly Entry[], total: number): Pick<HeatState, 'lines' | 'markers'> {
  const lines = new RangeSetBuilder<Decoration>();
  const markers = new RangeSetBuilder<GutterMarker>();
  for (const e of entries) {
    lines.add(e.pos, e.pos, Decoration.line({ class: `cm-heat-line cm-heat-${e.level}` }));
    markers.add(e.pos, e.pos, new HeatMarker(e.count, e.level, e.count / total));
  }
  return { lines: lines.finish(), markers: markers.finish() };
}

function build(state: EditorState, data: HeatData | null): HeatState {
  if (!data || !data.lines.length) return { ...EMPTY, data };
  const doc = state.doc;
  const counts = data.lines.filter((l) => l.line >= 1 && l.line <= doc.lines && l.instructions > 0).sort((a, b) => a.line - b.line);
  let max = 0;
  let hottest = 0;
  for (const l of counts) if (l.instructions > max) [max, hottest] = [l.instructions, l.line];
  const entries = counts.map((l) => ({ pos: doc.line(l.line).from, count: l.instructions, level: heatLevel(l.instructions, max) }));
  return { data, max, hottest, entries, ...decorate(entries, Math.max(data.total, 1)), stale: false };
}

/** After an edit: each counted line's start moves with the text after it (text typed at a line's start pushes it down). */
function remap(value: HeatState, tr: Transaction): HeatState {
  const doc = tr.state.doc;
  const entries: Entry[] = [];
  for (const e of value.entries) {
    const pos = doc.lineAt(tr.changes.mapPos(e.pos, 1)).from;
    if (entries.at(-1)?.pos !== pos) entries.push({ ...e, pos });
  }
  return { ...value, entries, ...decorate(entries, Math.max(value.data?.total ?? 1, 1)), stale: true };
}

const heatField = StateField.define<HeatState>({
  create: () => EMPTY,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setHeat)) return build(tr.state, e.value);
    if (tr.docChanged && value.data) return remap(value, tr);
    return value;
  },
  provide: (f) => [EditorView.decorations.from(f, (v) => v.lines), showPanel.from(f, (v) => (v.data ? legendPanel : null))],
});

/** The heat map currently shown in `state` (null when off). */
export function heatOf(state: EditorState): { data: HeatData; max: number; hottest: number; stale: boolean } | null {
  const v = state.field(heatField, false);
  return v?.data ? { data: v.data, max: v.max, hottest: v.hottest, stale: v.stale } : null;
}

function legendText(v: HeatState): string {
  if (!v.data) return '';
  const lines = v.data.lines.filter((l) => l.instructions > 0).length;
  const parts = [`${v.data.total.toLocaleString('en-US')} instructions`, `${lines} lines with code run`];
  if (v.hottest) parts.push(`hottest: line ${v.hottest} (${v.max.toLocaleString('en-US')})`);
  return parts.join(' · ');
}

/** The legend under the editor: the scale, the total and the hottest line. */
function legendPanel(view: EditorView): Panel {
  const dom = document.createElement('div');
  dom.className = 'cm-heat-legend';
  dom.setAttribute('role', 'status');
  dom.setAttribute('aria-label', 'Heat map legend');
  const title = document.createElement('strong');
  title.textContent = 'Heat map';
  const scale = document.createElement('span');
  scale.className = 'cm-heat-scale';
  scale.setAttribute('aria-hidden', 'true');
  for (let k = 1; k <= LEVELS; k++) {
    const swatch = document.createElement('span');
    swatch.className = `cm-heat-swatch cm-heat-${k}`;
    scale.append(swatch);
  }
  const low = document.createElement('span');
  low.textContent = 'fewer';
  const high = document.createElement('span');
  high.textContent = 'more instructions per line';
  const text = document.createElement('span');
  text.className = 'cm-heat-summary';
  const stale = document.createElement('span');
  stale.className = 'cm-heat-stale';
  dom.append(title, low, scale, high, text, stale);
  const render = (state: EditorState) => {
    const v = state.field(heatField);
    text.textContent = legendText(v);
    stale.textContent = v.stale ? 'The script changed since this run: toggle the heat map to profile again.' : '';
  };
  render(view.state);
  return {
    dom,
    top: false,
    update(update) {
      if (update.docChanged || update.transactions.some((t) => t.effects.some((e) => e.is(setHeat)))) render(update.state);
    },
  };
}

const heatGutter = gutter({
  class: 'cm-heat-gutter',
  markers: (view) => view.state.field(heatField).markers,
});

/** Levels 1..5: the heat colour mixed in more strongly. */
const MIX = [0, 7, 13, 20, 28, 38];

const heatTheme = EditorView.baseTheme({
  ...Object.fromEntries(
    MIX.slice(1).map((pct, i) => [`.cm-heat-${i + 1}`, { '--cs-heat-bg': `color-mix(in srgb, var(--cs-heat) ${pct}%, transparent)` }]),
  ),
  '.cm-heat-line': { backgroundColor: 'var(--cs-heat-bg)' },
  '.cm-heat-gutter .cm-gutterElement': { padding: '0 4px 0 2px' },
  '.cm-heat-marker': {
    position: 'relative',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    width: '44px',
    height: '100%',
    fontSize: '10px',
    cursor: 'default',
  },
  '.cm-heat-bar': { position: 'absolute', left: 0, top: '20%', bottom: '20%', borderRadius: '2px', backgroundColor: 'var(--cs-heat)', opacity: 0.45 },
  '.cm-heat-count': { position: 'relative', color: 'var(--cs-editor-fg)', fontVariantNumeric: 'tabular-nums' },
  '.cm-heat-legend': {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    padding: '3px 10px',
    fontFamily: 'var(--cs-ui-font)',
    fontSize: '12px',
    color: 'var(--cs-fg)',
    backgroundColor: 'var(--cs-panel-bg)',
    borderTop: '1px solid var(--cs-border)',
  },
  '.cm-heat-scale': { display: 'inline-flex' },
  '.cm-heat-swatch': { width: '16px', height: '10px', backgroundColor: 'var(--cs-heat-bg)', border: '1px solid var(--cs-border)', marginRight: '-1px' },
  '.cm-heat-summary': { color: 'var(--cs-fg-muted)' },
  '.cm-heat-stale': { color: 'var(--cs-warning)' },
});

/** The heat map extension (off until a {@link setHeat} effect brings data). */
export function heatmap(): Extension {
  return [heatField, heatGutter, heatTheme];
}
