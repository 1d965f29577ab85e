/**
 * The Timeline panel's data work, as pure functions (tested in test/renderer/timeline-model.test.ts):
 * the tree layout (a run is a row; a fork opens a new row below), labels, the console output
 * that led to a node, and the comparison of two nodes (variables, heap contents, console).
 */
import type { DebugScope, HeapGraphData, SessionAnswer, TimelineNodeInfo } from '../../../preload/api';

/** Where a node is drawn: its column (depth: suspensions since the start) and row (its branch). */
export interface NodePosition {
  column: number;
  row: number;
}

/**
 * Lays out the tree like a commit graph: the first child continues its parent's row, every
 * further child (a fork) opens a new row below everything drawn so far. Iterative (a chain of
 * thousands of suspensions is no recursion), linear in the number of nodes.
 */
export function layoutTree(nodes: readonly TimelineNodeInfo[]): { positions: NodePosition[]; rows: number; columns: number } {
  const positions: NodePosition[] = new Array(nodes.length);
  let rows = 0;
  let columns = 0;
  const roots = nodes.filter((n) => n.parent === null || !nodes[n.parent]).map((n) => n.id);
  // [id, depth, row or -1 for "a new row"]
  const stack: [number, number, number][] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push([roots[i]!, 0, -1]);
  while (stack.length) {
    const [id, depth, inherited] = stack.pop()!;
    const node = nodes[id];
    if (!node || positions[id]) continue;
    const row = inherited >= 0 ? inherited : rows++;
    positions[id] = { column: depth, row };
    columns = Math.max(columns, depth + 1);
    const children = node.children;
    // pushed last-first, so the first child (same row) is laid out before its siblings
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1, i === 0 ? row : -1]);
  }
  return { positions, rows, columns };
}

/** A short text for a value (answers, results): JSON, cut to `max` characters. */
export function brief(value: unknown, max = 60): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The gist of the answers that led to a node, for a label under it: `decision: reject` for an
 * object (its first plain field), the JSON of anything else, `✗ message` for a failure.
 */
export function answerGist(answers: readonly SessionAnswer[] | null, max = 20): string {
  if (!answers?.length) return '';
  const one = (a: SessionAnswer): string => {
    if (a.error) return `✗ ${a.error.message}`;
    const v = a.value;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const field = Object.entries(v).find(([, x]) => x === null || typeof x !== 'object');
      if (field) return `${field[0]}: ${typeof field[1] === 'string' ? field[1] : JSON.stringify(field[1])}`;
    }
    return brief(v, max);
  };
  const text = answers.map(one).join(', ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What a node is, in a few words: the calls it waits for, its result or its error. */
export function nodeTitle(n: TimelineNodeInfo): string {
  if (n.status === 'completed') return 'Completed';
  if (n.status === 'failed') return `Failed: ${n.error?.name ?? 'Error'}`;
  const names = [...new Set(n.calls.map((c) => c.capability))];
  return `Waiting for ${names.join(', ') || 'nothing'}`;
}

/** The answers that led to a node, in a few words (what the edge into it says). */
export function answerText(answers: readonly SessionAnswer[] | null): string {
  if (!answers) return 'start';
  return answers.map((a) => (a.error ? `✗ ${a.error.message}` : brief(a.value, 40))).join(', ');
}

/** The nodes from the root to `id`, root first. */
export function pathTo(nodes: readonly TimelineNodeInfo[], id: number): TimelineNodeInfo[] {
  const out: TimelineNodeInfo[] = [];
  const seen = new Set<number>();
  for (let n: TimelineNodeInfo | undefined = nodes[id]; n && !seen.has(n.id); n = n.parent === null ? undefined : nodes[n.parent]) {
    seen.add(n.id);
    out.push(n);
  }
  return out.reverse();
}

/** Every console line printed from the start of the run up to a node. */
export function consoleUpTo(nodes: readonly TimelineNodeInfo[], id: number): { level: string; text: string }[] {
  return pathTo(nodes, id).flatMap((n) => n.console ?? []);
}

/**
 * What to put in the answer editor for a node's calls: the answers its first child was given
 * (forking usually means "the same, but different"), else `null` for each call.
 */
export function defaultAnswerText(nodes: readonly TimelineNodeInfo[], n: TimelineNodeInfo): Record<number, string> {
  const first = n.children.map((c) => nodes[c]).find((c) => c?.answers);
  const out: Record<number, string> = {};
  for (const call of n.calls) {
    const given = first?.answers?.find((a) => a.id === call.id);
    out[call.id] = given ? JSON.stringify(given.error ? { error: given.error } : given.value, null, 2) : 'null';
  }
  return out;
}

/** Parses the answer editor's text for one call: JSON, or `{ "error": { "message": … } }` to make the call fail. */
export function parseAnswer(id: number, text: string): { answer: SessionAnswer } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && 'error' in value) {
    const err = (value as { error: unknown }).error;
    if (err === null || typeof err !== 'object' || typeof (err as { message?: unknown }).message !== 'string') return { error: 'an error answer is { "error": { "message": "…" } }' };
    const { name, message } = err as { name?: unknown; message: string };
    return { answer: { id, error: { ...(typeof name === 'string' ? { name } : {}), message } } };
  }
  return { answer: { id, value } };
}

/** One variable row of a comparison: the preview at each node (null: not there). */
export interface VariableChange {
  name: string;
  a: string | null;
  b: string | null;
}

/** Variables of the scopes shown (locals, closures, globals; not the capabilities), by name. */
function variables(scopes: readonly DebugScope[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of scopes) {
    if (s.kind === 'capabilities') continue;
    for (const v of s.variables) if (!out.has(v.name) && v.type !== 'function') out.set(v.name, v.preview);
  }
  return out;
}

/** The variables that differ between two nodes (added, removed or changed), sorted by name. */
export function diffVariables(a: readonly DebugScope[], b: readonly DebugScope[]): VariableChange[] {
  const va = variables(a);
  const vb = variables(b);
  const names = [...new Set([...va.keys(), ...vb.keys()])].sort();
  return names.filter((n) => va.get(n) !== vb.get(n)).map((name) => ({ name, a: va.get(name) ?? null, b: vb.get(name) ?? null }));
}

/** Heap objects by kind and contents, each with how many there are at each node. */
export interface HeapChange {
  kind: string;
  preview: string;
  a: number;
  b: number;
}

/**
 * The heap difference between two nodes. Each node's state is a separate restore, so object ids
 * do not match across nodes: objects are compared by kind and contents instead.
 */
export function diffHeapContents(a: HeapGraphData | null, b: HeapGraphData | null): { changes: HeapChange[]; bytes: [number, number]; objects: [number, number] } {
  const count = (g: HeapGraphData | null) => {
    const m = new Map<string, { kind: string; preview: string; n: number }>();
    for (const x of g?.nodes ?? []) {
      const key = `${x.kind}\u0000${x.preview}`;
      const e = m.get(key);
      if (e) e.n++;
      else m.set(key, { kind: x.kind, preview: x.preview, n: 1 });
    }
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  const changes: HeapChange[] = [];
  for (const key of new Set([...ca.keys(), ...cb.keys()])) {
    const x = ca.get(key);
    const y = cb.get(key);
    if ((x?.n ?? 0) !== (y?.n ?? 0)) changes.push({ kind: (x ?? y)!.kind, preview: (x ?? y)!.preview, a: x?.n ?? 0, b: y?.n ?? 0 });
  }
  changes.sort((p, q) => q.b - q.a - (p.b - p.a) || p.kind.localeCompare(q.kind) || p.preview.localeCompare(q.preview));
  return { changes, bytes: [a?.total ?? 0, b?.total ?? 0], objects: [a?.nodes.length ?? 0, b?.nodes.length ?? 0] };
}
