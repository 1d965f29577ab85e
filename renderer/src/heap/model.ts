/**
 * The heap view's model: indexes over a heap graph (core/debug/heap-graph.ts) for the table,
 * the retainers list, search, and the part of the graph that is drawn. Pure functions over
 * plain data, so they are unit-tested and cost no rendering; every one is linear or n·log n,
 * which keeps a 10 000-object heap well inside one frame budget.
 */
import type { HeapEdge, HeapGraph, HeapNode } from '../../../core/debug/heap-graph';

import type { HeapDiff } from '../../../core/debug/heap-graph';

export type { HeapDiff, HeapEdge, HeapGraph, HeapNode, HeapRoot } from '../../../core/debug/heap-graph';
export { diffHeaps } from '../../../core/debug/heap-graph';

/** A frame (or other root holder) drawn as a box of its own, Python Tutor style. */
export interface RootGroup {
  /** `frame:<name>` for frames, `global` for globals, … */
  key: string;
  title: string;
  /** Variable name → node id. */
  slots: { label: string; to: number }[];
}

/** Indexes built once per graph. */
export interface HeapIndex {
  graph: HeapGraph;
  byId: Map<number, HeapNode>;
  outgoing: Map<number, HeapEdge[]>;
  incoming: Map<number, HeapEdge[]>;
  groups: RootGroup[];
}

/** Builds the indexes of a graph. */
export function indexHeap(graph: HeapGraph): HeapIndex {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const outgoing = new Map<number, HeapEdge[]>();
  const incoming = new Map<number, HeapEdge[]>();
  for (const e of graph.edges) {
    push(outgoing, e.from, e);
    push(incoming, e.to, e);
  }
  const groups = new Map<string, RootGroup>();
  for (const root of graph.roots) {
    // Root labels are "<frame name>: <variable>" or "<kind> <name>" (heap.ts).
    const colon = root.label.indexOf(': ');
    const [key, title, label] =
      colon > 0
        ? [`frame:${root.label.slice(0, colon)}`, root.label.slice(0, colon), root.label.slice(colon + 2)]
        : [`root:${root.label.split(' ')[0]}`, root.label.split(' ')[0] ?? root.label, root.label.split(' ').slice(1).join(' ') || root.label];
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, title, slots: [] }));
    group.slots.push({ label, to: root.to });
  }
  return { graph, byId, outgoing, incoming, groups: [...groups.values()] };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * What changed between two snapshots of the same run: core's `diffHeaps` (same result, same
 * order) over the indexes already built. An object whose outgoing edges are the same list in
 * the same order (nearly all of them) is unchanged without building a string per edge and
 * sorting them, which made comparing two 10 000-object snapshots one 40 ms task.
 */
export function diffIndexes(before: HeapIndex, after: HeapIndex): HeapDiff {
  const diff: HeapDiff = { added: [], removed: [], changed: [] };
  for (const x of after.graph.nodes) {
    const y = before.byId.get(x.id);
    if (!y) diff.added.push(x);
    else if (y.size !== x.size || !sameEdges(before.outgoing.get(x.id), after.outgoing.get(x.id))) diff.changed.push({ before: y, after: x });
  }
  for (const y of before.graph.nodes) if (!after.byId.has(y.id)) diff.removed.push(y);
  return diff;
}

/** Whether two nodes' outgoing edges are the same (label, target) pairs, in any order. */
function sameEdges(a: readonly HeapEdge[] = [], b: readonly HeapEdge[] = []): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i]!.label === b[i]!.label && a[i]!.to === b[i]!.to) i++;
  if (i === a.length) return true;
  const key = (e: HeapEdge) => `${e.label}→${e.to}`;
  const sa = a.map(key).sort();
  const sb = b.map(key).sort();
  return sa.every((k, j) => k === sb[j]);
}

export type SortKey = 'id' | 'kind' | 'size' | 'retained' | 'preview';

/** One collator for every text sort: `localeCompare` builds one per call, ten times slower on 10 000 rows. */
const collator = new Intl.Collator();

/** The table's rows: filtered by a search text (kind, preview or `#id`), sorted. */
export function tableRows(index: HeapIndex, sort: SortKey, descending: boolean, search = ''): HeapNode[] {
  const q = search.trim().toLowerCase();
  const rows = q ? index.graph.nodes.filter((n) => matches(n, q)) : index.graph.nodes.slice();
  const sign = descending ? -1 : 1;
  const text = sort === 'kind' || sort === 'preview';
  rows.sort((a, b) => {
    const c = text ? collator.compare(a[sort], b[sort]) : (a[sort] as number) - (b[sort] as number);
    return c === 0 ? a.id - b.id : sign * c;
  });
  return rows;
}

/** Whether a node matches a lower-case search text. */
export function matches(node: HeapNode, q: string): boolean {
  if (q.startsWith('#')) return String(node.id) === q.slice(1);
  return node.kind.includes(q) || node.preview.toLowerCase().includes(q);
}

/** Who holds a node: incoming edges (with their holder) and the roots that point at it. */
export function retainersOf(index: HeapIndex, id: number): { holder: HeapNode | null; label: string; root?: string }[] {
  const list: { holder: HeapNode | null; label: string; root?: string }[] = [];
  for (const e of index.incoming.get(id) ?? []) list.push({ holder: index.byId.get(e.from) ?? null, label: e.label });
  for (const g of index.groups) for (const s of g.slots) if (s.to === id) list.push({ holder: null, label: s.label, root: g.title });
  return list;
}

/** The drawn part of the graph: at most `limit` nodes, breadth first from the roots (minus collapsed subtrees). */
export interface DrawnGraph {
  nodes: HeapNode[];
  edges: HeapEdge[];
  /** Nodes reachable but not drawn (past the limit or under a collapsed node). */
  hidden: number;
  /** Drawn nodes with edges to nodes that are not drawn, and how many. */
  truncated: Map<number, number>;
}

/**
 * Chooses what to draw: the roots' targets first, then breadth first; a collapsed node is
 * drawn but not followed. A graph with thousands of objects is summarised, not laid out
 * whole — a layout of that size would freeze the UI and read as noise anyway.
 */
export function drawnGraph(index: HeapIndex, limit: number, collapsed: ReadonlySet<number> = new Set(), focus?: number): DrawnGraph {
  const seen = new Set<number>();
  const queue: number[] = [];
  const visit = (id: number) => {
    if (seen.has(id) || !index.byId.has(id) || seen.size >= limit) return;
    seen.add(id);
    queue.push(id);
  };
  if (focus !== undefined) visit(focus);
  for (const g of index.groups) for (const s of g.slots) visit(s.to);
  for (let i = 0; i < queue.length && seen.size < limit; i++) {
    const id = queue[i]!;
    if (collapsed.has(id)) continue;
    for (const e of index.outgoing.get(id) ?? []) visit(e.to);
  }
  const nodes = [...seen].map((id) => index.byId.get(id)!);
  const edges: HeapEdge[] = [];
  const truncated = new Map<number, number>();
  for (const id of seen) {
    for (const e of index.outgoing.get(id) ?? []) {
      if (seen.has(e.to) && !collapsed.has(id)) edges.push(e);
      else truncated.set(id, (truncated.get(id) ?? 0) + 1);
    }
  }
  return { nodes, edges, hidden: index.graph.nodes.length - nodes.length, truncated };
}

/** Where the diagram puts one box (its centre) and how big it is. */
export interface BoxPlace {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Box metrics of the diagram's labels: monospace 10 px text, 6 px padding (HeapGraphView's style). */
export const BOX = { charWidth: 6.2, lineHeight: 13, padding: 6, gapX: 24, gapY: 56, perRow: 8 } as const;

/** The size of a box showing `label` (lines of monospace text), without measuring text. */
export function boxSize(label: string): { width: number; height: number } {
  const lines = label.split('\n');
  const chars = Math.max(1, ...lines.map((l) => l.length));
  return { width: Math.ceil(chars * BOX.charWidth), height: lines.length * BOX.lineHeight };
}

/**
 * A layered layout of the drawn graph, computed here rather than by the graph library: the root
 * boxes on top, then each object one layer below the first drawn box that reaches it (breadth
 * first), a layer wrapped into rows of at most `BOX.perRow` boxes. Linear in the drawn graph and
 * needs no text measuring, so drawing costs the same however large the heap is; the library's
 * own layouts measured every label and took hundreds of milliseconds for 40 boxes.
 */
export function layoutDrawn(index: HeapIndex, drawn: DrawnGraph, labels: ReadonlyMap<string, string>): Map<string, BoxPlace> {
  const drawnIds = new Set(drawn.nodes.map((n) => n.id));
  const layers: string[][] = [index.groups.map((g) => g.key)];
  const placed = new Set<number>();
  let frontier: number[] = [];
  for (const g of index.groups) {
    for (const s of g.slots) {
      if (drawnIds.has(s.to) && !placed.has(s.to)) {
        placed.add(s.to);
        frontier.push(s.to);
      }
    }
  }
  const outgoing = new Map<number, number[]>();
  for (const e of drawn.edges) {
    const list = outgoing.get(e.from);
    if (list) list.push(e.to);
    else outgoing.set(e.from, [e.to]);
  }
  for (;;) {
    // boxes no drawn edge reaches (a focused object, what a collapsed box held) go below the rest
    if (!frontier.length) {
      frontier = drawn.nodes.filter((n) => !placed.has(n.id)).map((n) => n.id);
      if (!frontier.length) break;
      for (const id of frontier) placed.add(id);
    }
    layers.push(frontier.map((id) => `n${id}`));
    const next: number[] = [];
    for (const id of frontier) {
      for (const to of outgoing.get(id) ?? []) {
        if (!placed.has(to)) {
          placed.add(to);
          next.push(to);
        }
      }
    }
    frontier = next;
  }
  const places = new Map<string, BoxPlace>();
  let y = 0;
  for (const layer of layers) {
    for (let start = 0; start < layer.length; start += BOX.perRow) {
      const row = layer.slice(start, start + BOX.perRow).map((key) => ({ key, ...boxSize(labels.get(key) ?? '') }));
      const width = row.reduce((sum, b) => sum + b.width + 2 * BOX.padding, 0) + BOX.gapX * (row.length - 1);
      const height = Math.max(0, ...row.map((b) => b.height + 2 * BOX.padding));
      let x = -width / 2;
      for (const b of row) {
        const outer = b.width + 2 * BOX.padding;
        places.set(b.key, { x: x + outer / 2, y: y + height / 2, width: b.width, height: b.height });
        x += outer + BOX.gapX;
      }
      y += height + BOX.gapY;
    }
  }
  return places;
}

/** Byte counts as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
