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
