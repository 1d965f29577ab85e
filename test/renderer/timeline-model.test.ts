/** The Timeline panel's pure parts: tree layout, paths and console, answers, comparisons. */
import { describe, expect, it } from 'vitest';
import type { HeapGraphData, TimelineNodeInfo } from '../../preload/api';
import { answerGist, consoleUpTo, defaultAnswerText, diffHeapContents, diffVariables, layoutTree, nodeTitle, parseAnswer, pathTo } from '../../renderer/src/timeline/model';

function tree(parents: (number | null)[]): TimelineNodeInfo[] {
  const nodes: TimelineNodeInfo[] = parents.map((parent, id) => ({
    id,
    parent,
    answers: parent === null ? null : [{ id: 1, value: `a${id}` }],
    instructions: id * 10,
    status: 'suspended',
    calls: [{ id: 1, capability: 'ask', args: [] }],
    hasSnapshot: true,
    children: [],
    console: [{ level: 'log', text: `line ${id}` }],
  }));
  for (const n of nodes) if (n.parent !== null) nodes[n.parent]!.children.push(n.id);
  return nodes;
}

describe('timeline tree layout', () => {
  it('keeps a run on one row and opens a row per fork, below what is drawn', () => {
    //      0 ─ 1 ─ 2 ─ 3
    //           └─ 4 ─ 5
    //               └─ 6
    //       └─ 7
    const nodes = tree([null, 0, 1, 2, 1, 4, 4, 0]);
    const { positions, rows, columns } = layoutTree(nodes);
    expect(positions.map((p) => [p.column, p.row])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
      [2, 1],
      [3, 1],
      [3, 2],
      [1, 3],
    ]);
    expect(rows).toBe(4);
    expect(columns).toBe(4);
  });

  it('lays out a 10 000-node chain and a wide fan without recursion', () => {
    const chain = tree(Array.from({ length: 10_000 }, (_, i) => (i === 0 ? null : i - 1)));
    const a = layoutTree(chain);
    expect(a.rows).toBe(1);
    expect(a.positions[9_999]).toEqual({ column: 9_999, row: 0 });
    const fan = tree(Array.from({ length: 1_000 }, (_, i) => (i === 0 ? null : 0)));
    const b = layoutTree(fan);
    expect(b.rows).toBe(999);
    expect(new Set(b.positions.map((p) => `${p.column},${p.row}`)).size).toBe(1_000);
  });
});

describe('paths, console and answers', () => {
  it('walks from the root and gathers the console on the way', () => {
    const nodes = tree([null, 0, 1, 0]);
    expect(pathTo(nodes, 2).map((n) => n.id)).toEqual([0, 1, 2]);
    expect(consoleUpTo(nodes, 3).map((l) => l.text)).toEqual(['line 0', 'line 3']);
    expect(nodeTitle(nodes[0]!)).toBe('Waiting for ask');
    expect(nodeTitle({ ...nodes[2]!, status: 'completed', value: { ok: true } })).toBe('Completed');
    expect(nodeTitle({ ...nodes[2]!, status: 'failed', error: { kind: 'Runtime', name: 'TypeError', message: 'x' } })).toBe('Failed: TypeError');
  });

  it('prefills a fork with the answers given before, and parses values and error answers', () => {
    const nodes = tree([null, 0]);
    expect(defaultAnswerText(nodes, nodes[0]!)).toEqual({ 1: '"a1"' });
    expect(defaultAnswerText(nodes, nodes[1]!)).toEqual({ 1: 'null' });
    expect(parseAnswer(3, '{"decision": "reject"}')).toEqual({ answer: { id: 3, value: { decision: 'reject' } } });
    expect(parseAnswer(3, '{"error": {"message": "down"}}')).toEqual({ answer: { id: 3, error: { message: 'down' } } });
    expect(parseAnswer(3, '{"error": 1}')).toEqual({ error: expect.stringContaining('error answer') });
    expect(parseAnswer(3, '{nope')).toEqual({ error: expect.stringMatching(/^not JSON/) });
    expect(answerGist([{ id: 1, value: { decision: 'reject', comment: 'not now' } }])).toBe('decision: reject');
    expect(answerGist([{ id: 1, value: { nested: { a: 1 }, n: 3 } }])).toBe('n: 3');
    expect(answerGist([{ id: 1, error: { message: 'timed out' } }])).toBe('✗ timed out');
    expect(answerGist([{ id: 1, value: 'a long answer that goes on and on' }])).toBe('"a long answer that…');
    expect(answerGist(null)).toBe('');
  });
});

describe('comparing two nodes', () => {
  it('lists variables that were added, removed or changed', () => {
    const scopes = (vars: Record<string, string>) => [{ kind: 'local', variables: Object.entries(vars).map(([name, preview]) => ({ name, type: 'object', preview })) }] as never;
    expect(diffVariables(scopes({ a: '1', b: '2', same: 'x' }), scopes({ a: '1', b: '3', c: '4', same: 'x' }))).toEqual([
      { name: 'b', a: '2', b: '3' },
      { name: 'c', a: null, b: '4' },
    ]);
  });

  it('compares heaps by kind and contents (ids differ between restored states)', () => {
    const heap = (objs: [number, string, string][]): HeapGraphData => ({
      nodes: objs.map(([id, kind, preview]) => ({ id, kind, preview, size: 10, retained: 10 })),
      edges: [],
      roots: [],
      total: objs.length * 10,
    });
    const d = diffHeapContents(heap([[1, 'object', '{a}'], [2, 'array', '[1]']]), heap([[7, 'object', '{a}'], [8, 'object', '{name}'], [9, 'object', '{name}']]));
    expect(d.changes).toEqual([
      { kind: 'object', preview: '{name}', a: 0, b: 2 },
      { kind: 'array', preview: '[1]', a: 1, b: 0 },
    ]);
    expect(d.objects).toEqual([2, 3]);
    expect(diffHeapContents(null, null).changes).toEqual([]);
  });
});
