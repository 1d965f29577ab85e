/** Heap graph: roots and edges of a suspended program, retained sizes (dominators), diffs. */
import { describe, expect, it } from 'vitest';
import { computeRetained, diffHeaps, heapGraph, type HeapGraph } from '../../../core/debug/heap';
import { isPackedHeapGraph, packHeapGraph, unpackHeapGraph } from '../../../core/debug/heap-graph';
import { start } from '../../../core/index';
import { ARRAY_BYTES, COLLECTION_BYTES, ENTRY_BYTES, OBJECT_BYTES, SLOT_BYTES } from '../../../core/vm/heapcost';

function graph(sizes: Record<number, number>, edges: [number, number][], roots: number[]): HeapGraph {
  return {
    nodes: Object.entries(sizes).map(([id, size]) => ({ id: Number(id), kind: 'object', size, retained: 0, preview: '' })),
    edges: edges.map(([from, to]) => ({ from, to, label: `${from}->${to}` })),
    roots: roots.map((to) => ({ label: `root ${to}`, to })),
    total: 0,
  };
}

function retained(g: HeapGraph): Record<number, number> {
  computeRetained(g);
  return Object.fromEntries(g.nodes.map((n) => [n.id, n.retained]));
}

describe('retained sizes from the dominator tree', () => {
  it('a chain retains everything below it', () => {
    expect(retained(graph({ 1: 10, 2: 20, 3: 30 }, [[1, 2], [2, 3]], [1]))).toEqual({ 1: 60, 2: 50, 3: 30 });
  });

  it('a diamond: the shared child is retained by the top only', () => {
    const g = graph({ 1: 1, 2: 10, 3: 100, 4: 1000 }, [[1, 2], [1, 3], [2, 4], [3, 4]], [1]);
    expect(retained(g)).toEqual({ 1: 1111, 2: 10, 3: 100, 4: 1000 });
  });

  it('an object reachable from two roots is retained by neither', () => {
    const g = graph({ 1: 1, 2: 2, 3: 300 }, [[1, 3], [2, 3]], [1, 2]);
    expect(retained(g)).toEqual({ 1: 1, 2: 2, 3: 300 });
  });

  it('cycles: the entry point retains the loop', () => {
    const g = graph({ 1: 1, 2: 10, 3: 100, 4: 1000 }, [[1, 2], [2, 3], [3, 4], [4, 2]], [1]);
    expect(retained(g)).toEqual({ 1: 1111, 2: 1110, 3: 1100, 4: 1000 });
  });

  it('two ways into a loop: only the common ancestor dominates', () => {
    const g = graph({ 1: 1, 2: 2, 3: 4, 4: 8, 5: 16 }, [[1, 2], [2, 3], [3, 4], [4, 5], [5, 3], [1, 4]], [1]);
    // 3 is reached through 2 and through 1→4→5, 4 directly from 1: 2 retains only itself; 4 retains 5
    expect(retained(g)).toEqual({ 1: 31, 2: 2, 3: 4, 4: 24, 5: 16 });
  });
});

const CAPS = [{ name: 'pause' }];

describe('the heap graph of a suspended program', () => {
  it('has the frames and globals as roots, labelled edges and sizes', () => {
    const ex = start(
      `const shared = { tag: 'shared' };
       const a = { shared, list: [1, 2, 3] };
       const b = { shared };
       let big = { rows: [] };
       for (let i = 0; i < 100; i++) big.rows.push({ i });
       const m = new Map([['k', a]]);
       pause(1);
       big = null;
       pause(2);
       a.extra = { added: true };
       pause(3);
       b.shared.tag`,
      { capabilities: CAPS },
    );
    expect(ex.outcome.status).toBe('suspended');
    const g1 = heapGraph(ex.vm);
    const rootNamed = (name: string) => g1.roots.find((r) => r.label.endsWith(`: ${name}`));
    const bigRoot = rootNamed('big')!;
    expect(bigRoot).toBeDefined();
    const big = g1.nodes.find((n) => n.id === bigRoot.to)!;
    expect(big.kind).toBe('object');
    expect(big.preview).toBe('{rows}');
    // big retains its rows array and the 100 row objects
    const rows = g1.edges.find((e) => e.from === big.id && e.label === 'rows')!;
    const rowsNode = g1.nodes.find((n) => n.id === rows.to)!;
    expect(rowsNode.kind).toBe('array');
    expect(g1.edges.filter((e) => e.from === rowsNode.id)).toHaveLength(100);
    expect(big.retained).toBeGreaterThan(100 * 48);
    expect(big.retained).toBe(big.size + rowsNode.retained);
    // `shared` is reachable from a, b and its own binding: nobody but the root retains it
    const shared = g1.nodes.find((n) => n.id === rootNamed('shared')!.to)!;
    const a = g1.nodes.find((n) => n.id === rootNamed('a')!.to)!;
    expect(a.retained).toBeLessThan(a.size + shared.size + 1000);
    expect(g1.edges.some((e) => e.from === a.id && e.label === 'shared' && e.to === shared.id)).toBe(true);
    // the Map's entries are edges too
    const m = g1.nodes.find((n) => n.id === rootNamed('m')!.to)!;
    expect(m.kind).toBe('map');
    // (string keys are primitives, not nodes: only the value is an edge)
    expect(g1.edges.filter((e) => e.from === m.id && e.label !== '__proto__').map((e) => [e.label, e.to])).toEqual([['value 0', a.id]]);
    // pending host call arguments are roots
    expect(g1.roots.some((r) => r.label.startsWith('host call 1 (pause): args'))).toBe(true);
    expect(g1.total).toBe(g1.nodes.reduce((n, x) => n + x.size, 0));

    ex.resume([{ id: 1, value: null }]);
    const g2 = heapGraph(ex.vm);
    const d12 = diffHeaps(g1, g2);
    // dropping `big` frees it, its array and the 100 rows
    expect(d12.removed.map((n) => n.id)).toContain(big.id);
    expect(d12.removed.length).toBeGreaterThanOrEqual(102);

    ex.resume([{ id: 2, value: null }]);
    const g3 = heapGraph(ex.vm);
    const d23 = diffHeaps(g2, g3);
    expect(d23.added.map((n) => n.preview)).toContain('{added}');
    expect(d23.changed.map((c) => c.after.id)).toContain(a.id);
    expect(ex.resume([{ id: 3, value: null }])).toMatchObject({ status: 'completed', value: 'shared' });
  });
});

describe('sizes', () => {
  it('are the heap budget\'s own estimates (core/vm/heapcost.ts)', () => {
    const ex = start('const o = { n: 1, m: 2 }; const a = [1, 2, 3]; const s = new Set([1, 2]); pause(); [o, a, s]', { capabilities: [{ name: 'pause' }] });
    const g = heapGraph(ex.vm);
    const sizeOf = (name: string) => g.nodes.find((n) => n.id === g.roots.find((r) => r.label.endsWith(` ${name}`))!.to)!.size;
    expect(sizeOf('o')).toBe(OBJECT_BYTES + 2 * SLOT_BYTES);
    expect(sizeOf('a')).toBe(ARRAY_BYTES + 3 * SLOT_BYTES);
    expect(sizeOf('s')).toBe(COLLECTION_BYTES + 2 * ENTRY_BYTES);
  });
});

describe('what a suspended program holds', () => {
  it('an async function awaiting a host call keeps its variables in the heap (through the promise it awaits)', () => {
    const exec = start(`const kept = { label: 'kept-by-script' };
async function f() { const mine = ['held-by-f']; const r = await ask(); return mine.length + r; }
await f();
kept`, { capabilities: [{ name: 'ask' }] });
    expect(exec.outcome.status).toBe('suspended');
    const g = heapGraph(exec.vm);
    const previews = g.nodes.map((n) => n.preview).join(' ');
    expect(previews).toContain('["held-by-f"]');
    expect(previews).toContain('{label}');
    expect(g.edges.some((e) => e.label === 'awaited by')).toBe(true);
  });
});

describe('the packed heap graph (the bridge form)', () => {
  it('round-trips, shares repeated strings, yields between slices, and is recognised', () => {
    const g: HeapGraph = {
      nodes: [1, 2, 3].map((id) => ({ id, kind: 'object', size: id * 8, retained: id * 16, preview: '{a, b}' })),
      edges: [{ from: 1, to: 2, label: 'a' }, { from: 1, to: 3, label: 'b' }, { from: 2, to: 3, label: 'a' }],
      roots: [{ label: '<script>: x', to: 1 }],
      total: 48,
    };
    const packed = packHeapGraph(g);
    expect(packed.strings).toEqual(['object', '{a, b}', 'a', 'b']);
    expect(isPackedHeapGraph(JSON.parse(JSON.stringify(packed)))).toBe(true);
    expect(isPackedHeapGraph({ ...packed, nodes: [1, 2] })).toBe(false);
    expect(isPackedHeapGraph(g)).toBe(false);
    const unpacking = unpackHeapGraph(packed, 2);
    let yields = 0;
    let step = unpacking.next();
    for (; !step.done; step = unpacking.next()) yields++;
    expect(yields).toBe(2); // after 2 nodes and after 2 edges
    expect(step.value).toEqual(g);
  });
});
