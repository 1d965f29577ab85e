/** The heap view's model over real heap graphs of paused programs (core/debug/heap.ts). */
import { describe, expect, it } from 'vitest';
import { Debugger } from '../../core/debug/debugger';
import { diffHeaps, heapGraph } from '../../core/debug/heap';
import { start } from '../../core/execution';
import { compile } from '../../core/program';
import { BOX, boxSize, diffIndexes, drawnGraph, formatBytes, indexHeap, layoutDrawn, retainersOf, tableRows } from '../../renderer/src/heap/model';

/** The heap graph of `source` paused at `line`. */
function pausedHeap(source: string, line: number) {
  const exec = start(compile(source), { startPaused: true });
  const dbg = new Debugger(exec);
  dbg.setBreakpoint({ line });
  expect(dbg.continue()).toMatchObject({ status: 'paused', line });
  return heapGraph(exec.vm);
}

const SOURCE = `function make(n) {
  const items = [];
  for (let i = 0; i < n; i++) items.push({ id: i, name: 'item' + i, tags: ['a', 'b'] });
  return items;
}
const cache = new Map();
function f() {
  const list = make(N);
  cache.set('k', list);
  return list.length;
}
f();`;

describe('heap view model', () => {
  const graph = pausedHeap(SOURCE.replace('N', '40'), 10);
  const index = indexHeap(graph);

  it('groups roots by frame: f holds list, the script holds its functions', () => {
    const f = index.groups.find((g) => g.title === 'f');
    expect(f?.key).toBe('frame:f');
    const list = f?.slots.find((s) => s.label === 'list');
    expect(index.byId.get(list!.to)?.kind).toBe('array');
  });

  it('sorts the table by retained size (the array of 40 items first among objects) and filters by search', () => {
    const rows = tableRows(index, 'retained', true);
    expect(rows).toHaveLength(graph.nodes.length);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.retained).toBeGreaterThanOrEqual(rows[i]!.retained);
    const arrays = tableRows(index, 'size', false, 'array');
    expect(arrays.length).toBeGreaterThanOrEqual(41); // items + 40 tag arrays
    expect(arrays.every((n) => n.kind === 'array' || n.preview.toLowerCase().includes('array'))).toBe(true);
    const one = rows[3]!;
    expect(tableRows(index, 'id', false, `#${one.id}`)).toEqual([one]);
  });

  it('lists retainers: the array is held by f\'s frame and by the map', () => {
    const list = index.groups.find((g) => g.title === 'f')!.slots.find((s) => s.label === 'list')!.to;
    const retainers = retainersOf(index, list);
    expect(retainers.some((r) => r.root === 'f' && r.label === 'list')).toBe(true);
    expect(retainers.some((r) => r.holder?.kind === 'map')).toBe(true);
  });

  it('draws at most the limit, breadth first from the roots, and says how many are hidden', () => {
    const drawn = drawnGraph(index, 20);
    expect(drawn.nodes).toHaveLength(20);
    expect(drawn.hidden).toBe(graph.nodes.length - 20);
    const ids = new Set(drawn.nodes.map((n) => n.id));
    expect(drawn.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);
    for (const g of index.groups) for (const s of g.slots) if (index.byId.has(s.to)) expect(ids.has(s.to)).toBe(true);
    expect([...drawn.truncated.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('a collapsed node is drawn but not followed', () => {
    const list = index.groups.find((g) => g.title === 'f')!.slots.find((s) => s.label === 'list')!.to;
    const open = drawnGraph(index, 1000);
    const closed = drawnGraph(index, 1000, new Set([list]));
    expect(closed.nodes.some((n) => n.id === list)).toBe(true);
    expect(closed.nodes.length).toBeLessThan(open.nodes.length);
    expect(closed.edges.some((e) => e.from === list)).toBe(false);
    expect(closed.truncated.get(list)).toBe(40);
  });

  it('works on a heap of over 10 000 objects (table search, bounded drawing)', () => {
    const big = pausedHeap(SOURCE.replace('N', '5100'), 10);
    expect(big.nodes.length).toBeGreaterThan(10_000);
    const bigIndex = indexHeap(big);
    expect(tableRows(bigIndex, 'retained', true, 'tags')).not.toHaveLength(0);
    expect(drawnGraph(bigIndex, 150).nodes).toHaveLength(150);
  });

  it('lays the drawn graph out in layers: roots on top, each object below a box that reaches it, rows of at most BOX.perRow', () => {
    const drawn = drawnGraph(index, 30);
    const labels = new Map<string, string>([...index.groups.map((g) => [g.key, `${g.title}\nx`] as const), ...drawn.nodes.map((n) => [`n${n.id}`, `${n.kind}\n${n.preview}`] as const)]);
    const places = layoutDrawn(index, drawn, labels);
    expect(places.size).toBe(index.groups.length + drawn.nodes.length);
    const rootBottom = Math.max(...index.groups.map((g) => places.get(g.key)!.y));
    for (const n of drawn.nodes) expect(places.get(`n${n.id}`)!.y).toBeGreaterThan(rootBottom);
    // an edge's target is on the row of its source or below it, unless it was placed earlier (breadth first)
    const firstParentY = new Map<number, number>();
    for (const e of drawn.edges) if (!firstParentY.has(e.to)) firstParentY.set(e.to, places.get(`n${e.from}`)!.y);
    const byRow = new Map<number, { x: number; width: number }[]>();
    for (const p of places.values()) byRow.set(p.y, [...(byRow.get(p.y) ?? []), p]);
    for (const row of byRow.values()) {
      expect(row.length).toBeLessThanOrEqual(Math.max(BOX.perRow, index.groups.length));
      const sorted = row.sort((a, b) => a.x - b.x);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.x - sorted[i]!.width / 2).toBeGreaterThan(sorted[i - 1]!.x + sorted[i - 1]!.width / 2);
    }
    // sizes come from the label text: the longest line sets the width, the line count the height
    expect(boxSize('ab\nabcd')).toEqual({ width: Math.ceil(4 * BOX.charWidth), height: 2 * BOX.lineHeight });
  });

  it('places a focused object no drawn edge reaches', () => {
    const far = graph.nodes.find((n) => !drawnGraph(index, 5).nodes.some((d) => d.id === n.id))!;
    const drawn = drawnGraph(index, 5, new Set(), far.id);
    const places = layoutDrawn(index, drawn, new Map());
    expect(places.has(`n${far.id}`)).toBe(true);
    expect(places.size).toBe(index.groups.length + drawn.nodes.length);
  });

  it('sorts text columns with one collator: the same order as localeCompare', () => {
    const rows = tableRows(index, 'preview', false);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.preview.localeCompare(rows[i]!.preview)).toBeLessThanOrEqual(0);
  });

  it('compares two pauses of a run as core does: added, freed, changed (size or edges, in any order)', () => {
    const source = `const keep = [];
for (let i = 0; i < 50; i++) keep.push({ id: i, name: 'n' + i, next: null });
let gone = { big: [1, 2, 3] };
let x = 0;
for (let i = 0; i < 10; i++) keep[i].next = keep[i + 1];
delete keep[20].name;
keep[21].extra = 'x';
keep[22].name = 'renamed';
gone = null;
keep.push({ id: 99 });
const swap = keep[30].next; keep[30].next = keep[31].name; keep[30].name = swap;
x = 1;`;
    // one run paused twice (object ids are per run)
    const exec = start(compile(source), { startPaused: true });
    const dbg = new Debugger(exec);
    dbg.setBreakpoint({ line: 4 });
    dbg.setBreakpoint({ line: 12 });
    expect(dbg.continue()).toMatchObject({ status: 'paused', line: 4 });
    const before = heapGraph(exec.vm);
    expect(dbg.continue()).toMatchObject({ status: 'paused', line: 12 });
    const after = heapGraph(exec.vm);
    const expected = diffHeaps(before, after);
    const got = diffIndexes(indexHeap(before), indexHeap(after));
    expect(got).toEqual(expected);
    expect(got.added.length).toBeGreaterThan(0);
    expect(got.removed.length).toBeGreaterThan(0);
    expect(got.changed.length).toBeGreaterThanOrEqual(13);
    // edges alone, same size: the same pairs in another order are no change, another pair is
    const node = (id: number) => ({ id, kind: 'object', size: 8, retained: 8, preview: '{}' });
    const g = (edges: [number, number, string][]) => ({ nodes: [node(1), node(2), node(3)], edges: edges.map(([from, to, label]) => ({ from, to, label })), roots: [], total: 24 });
    const a = g([[1, 2, 'a'], [1, 3, 'b']]);
    expect(diffIndexes(indexHeap(a), indexHeap(g([[1, 3, 'b'], [1, 2, 'a']]))).changed).toEqual([]);
    expect(diffIndexes(indexHeap(a), indexHeap(g([[1, 3, 'a'], [1, 2, 'b']]))).changed.map((c) => c.after.id)).toEqual([1]);
    expect(diffIndexes(indexHeap(a), indexHeap(g([[1, 2, 'a']]))).changed.map((c) => c.after.id)).toEqual([1]);
  });

  it('formats bytes for people', () => {
    expect([formatBytes(12), formatBytes(2048), formatBytes(3 * 1024 * 1024)]).toEqual(['12 B', '2.0 KB', '3.0 MB']);
  });
});
