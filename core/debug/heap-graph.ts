/**
 * The heap graph's data: what core/debug/heap.ts produces from a paused VM and what the
 * IDE's heap view draws. Plain data and pure functions only (no VM import), so the renderer
 * can use them too.
 */

export interface HeapNode {
  /** Stable for the object's lifetime (allocation order for objects). */
  id: number;
  kind: string;
  /** Shallow size in bytes (estimate per kind, strings it holds included). */
  size: number;
  /** Retained size: what freeing this node would free (dominator subtree). */
  retained: number;
  preview: string;
}

export interface HeapEdge {
  from: number;
  to: number;
  label: string;
}

export interface HeapRoot {
  label: string;
  to: number;
}

export interface HeapGraph {
  nodes: HeapNode[];
  edges: HeapEdge[];
  roots: HeapRoot[];
  /** Total of the shallow sizes (what the heap view calls live bytes). */
  total: number;
}

export interface HeapDiff {
  added: HeapNode[];
  removed: HeapNode[];
  /** Same id, different size or different outgoing edges. */
  changed: { before: HeapNode; after: HeapNode }[];
}

/** What changed between two graphs of the same run. */
export function diffHeaps(before: HeapGraph, after: HeapGraph): HeapDiff {
  const a = new Map(before.nodes.map((x) => [x.id, x]));
  const b = new Map(after.nodes.map((x) => [x.id, x]));
  const out = (g: HeapGraph) => {
    const m = new Map<number, string[]>();
    for (const e of g.edges) {
      let l = m.get(e.from);
      if (!l) m.set(e.from, (l = []));
      l.push(`${e.label}→${e.to}`);
    }
    for (const l of m.values()) l.sort();
    return m;
  };
  const ea = out(before);
  const eb = out(after);
  const diff: HeapDiff = { added: [], removed: [], changed: [] };
  for (const [id, x] of b) {
    const y = a.get(id);
    if (!y) diff.added.push(x);
    else if (y.size !== x.size || (ea.get(id) ?? []).join('|') !== (eb.get(id) ?? []).join('|')) diff.changed.push({ before: y, after: x });
  }
  for (const [id, y] of a) if (!b.has(id)) diff.removed.push(y);
  return diff;
}

/**
 * A heap graph as it crosses the studio's bridge: numbers in flat arrays and every distinct
 * string once. A 10 000-object graph is several times smaller this way, and parsing it makes a
 * few arrays instead of an object per node and edge — the plain form's JSON.parse alone blocked
 * the renderer for over 100 ms (npm run bench:ui).
 */
export interface PackedHeapGraph {
  format: 'packed-heap-1';
  strings: string[];
  /** Five numbers per node: id, kind (index into strings), size, retained, preview (index). */
  nodes: number[];
  /** Three numbers per edge: from, to, label (index into strings). */
  edges: number[];
  roots: HeapRoot[];
  total: number;
}

/** Packs a graph for the bridge (unpack with {@link unpackHeapGraph}). */
export function packHeapGraph(g: HeapGraph): PackedHeapGraph {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const s = (text: string): number => {
    let i = index.get(text);
    if (i === undefined) {
      i = strings.push(text) - 1;
      index.set(text, i);
    }
    return i;
  };
  const nodes: number[] = [];
  for (const n of g.nodes) nodes.push(n.id, s(n.kind), n.size, n.retained, s(n.preview));
  const edges: number[] = [];
  for (const e of g.edges) edges.push(e.from, e.to, s(e.label));
  return { format: 'packed-heap-1', strings, nodes, edges, roots: g.roots, total: g.total };
}

/** Whether a value has the shape of a {@link PackedHeapGraph} (what arrives over the bridge is checked first). */
export function isPackedHeapGraph(v: unknown): v is PackedHeapGraph {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Partial<PackedHeapGraph>;
  return (
    p.format === 'packed-heap-1' &&
    Array.isArray(p.strings) &&
    Array.isArray(p.nodes) &&
    p.nodes.length % 5 === 0 &&
    Array.isArray(p.edges) &&
    p.edges.length % 3 === 0 &&
    Array.isArray(p.roots) &&
    typeof p.total === 'number'
  );
}

/**
 * Unpacks a packed graph a slice at a time: the generator yields after every `chunk` nodes or
 * edges and returns the graph, so a caller can let the page draw between slices.
 */
export function* unpackHeapGraph(p: PackedHeapGraph, chunk = 4000): Generator<void, HeapGraph> {
  const str = (i: number): string => p.strings[i] ?? '';
  const nodes: HeapNode[] = [];
  for (let i = 0; i < p.nodes.length; i += 5) {
    const at = (k: number): number => p.nodes[i + k] ?? 0;
    nodes.push({ id: at(0), kind: str(at(1)), size: at(2), retained: at(3), preview: str(at(4)) });
    if (nodes.length % chunk === 0) yield;
  }
  const edges: HeapEdge[] = [];
  for (let i = 0; i < p.edges.length; i += 3) {
    edges.push({ from: p.edges[i] ?? 0, to: p.edges[i + 1] ?? 0, label: str(p.edges[i + 2] ?? 0) });
    if (edges.length % chunk === 0) yield;
  }
  return { nodes, edges, roots: p.roots, total: p.total };
}
