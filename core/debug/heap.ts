/**
 * The heap graph of a paused or suspended VM: nodes (guest objects and closure
 * environments, by stable id), labelled edges, the roots they hang from (frames, the
 * operand stack, globals, queued jobs, pending host calls), shallow sizes (the same
 * per-kind estimates the heap budget uses), retained sizes from the dominator tree, and
 * a diff between two graphs. Built-ins (the frozen intrinsics shared by every VM) are
 * not part of a program's heap: edges into them are left out.
 */
import { Accessor, BoundData, Env, JSArray, JSCollection, JSError, JSFunction, JSGenerator, JSIterator, JSObject, JSPrimitiveObject, JSPromise, JSRegExp, NativeFunction, Reaction, SavedFrame, Cls } from '../objects';
import { fnName, keyText, type VM } from '../vm/interpreter';
import { GSymbol, HOLE, Marker, PrivateName, type Value } from '../value';
import { ARRAY_BYTES, COLLECTION_BYTES, ENTRY_BYTES, ENV_BYTES, FUNCTION_BYTES, OBJECT_BYTES, SLOT_BYTES } from '../vm/heapcost';

export type { HeapDiff, HeapEdge, HeapGraph, HeapNode, HeapRoot } from './heap-graph';
export { diffHeaps } from './heap-graph';
import type { HeapEdge, HeapGraph, HeapNode, HeapRoot } from './heap-graph';

const envIds = new WeakMap<Env, number>();
let nextEnvId = 0;
/** Environments have no allocation id: they get one here, far above object ids. */
export function envId(e: Env): number {
  let id = envIds.get(e);
  if (id === undefined) {
    id = 2 ** 40 + nextEnvId++;
    envIds.set(e, id);
  }
  return id;
}

type Item = JSObject | Env;

function idOf(o: Item): number {
  return o instanceof Env ? envId(o) : o.id;
}

function strBytes(v: unknown): number {
  if (typeof v === 'string') return 16 + v.length * 2;
  if (typeof v === 'bigint') return 16;
  return 0;
}

const KIND: Record<number, string> = { [Cls.Date]: 'date', [Cls.Arguments]: 'arguments' };

function kindOf(vm: VM, o: Item): string {
  if (o instanceof Env) return 'environment';
  if (o instanceof JSArray) return 'array';
  if (o instanceof JSFunction || o instanceof NativeFunction) return 'function';
  if (o instanceof JSError) return 'error';
  if (o instanceof JSPromise) return 'promise';
  if (o instanceof JSCollection) return o.cls === Cls.Map ? 'map' : 'set';
  if (o instanceof JSRegExp) return 'regexp';
  if (o instanceof JSGenerator) return 'generator';
  if (o instanceof JSIterator) return 'iterator';
  if (o instanceof JSPrimitiveObject) return 'boxed';
  void vm;
  return KIND[o.cls] ?? 'object';
}

function short(v: Value | typeof HOLE): string {
  if (v === HOLE) return '<hole>';
  if (typeof v === 'string') return JSON.stringify(v.length > 24 ? `${v.slice(0, 24)}…` : v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof GSymbol) return `Symbol(${v.description ?? ''})`;
  if (v instanceof JSArray) return `Array(${v.elements.length})`;
  if (v instanceof JSFunction || v instanceof NativeFunction) return `ƒ ${fnName(v) || '(anonymous)'}`;
  if (v instanceof JSObject) return '{…}';
  return String(v);
}

function previewOf(vm: VM, o: Item): string {
  if (o instanceof Env) return `scope (${o.vars.length} variables)`;
  if (o instanceof JSArray) return `[${o.elements.slice(0, 5).map((e) => short(e as Value)).join(', ')}${o.elements.length > 5 ? ', …' : ''}]`;
  if (o instanceof JSFunction || o instanceof NativeFunction) return `ƒ ${fnName(o) || '(anonymous)'}()`;
  if (o instanceof JSCollection) return `${o.cls === Cls.Map ? 'Map' : 'Set'}(${o.size})`;
  if (o instanceof JSRegExp) return `/${o.source}/${o.flags}`;
  if (o instanceof JSError) return `${short(vm.ownSlot(o, 'message') as Value)}`;
  const keys = o.shape.keys.filter((k) => !(k instanceof PrivateName)).slice(0, 4);
  return `{${keys.map((k) => keyText(k)).join(', ')}${o.shape.keys.length > 4 ? ', …' : ''}}`;
}

/** Builds the heap graph of `vm` (which must not be running). */
export function heapGraph(vm: VM): HeapGraph {
  const intrinsics = vm.realm.intrinsics;
  const nodes = new Map<number, HeapNode>();
  const edges: HeapEdge[] = [];
  const roots: HeapRoot[] = [];
  const work: Item[] = [];
  const items = new Map<number, Item>();

  const visit = (v: unknown): number | null => {
    if (!(v instanceof JSObject) && !(v instanceof Env)) return null;
    if (v instanceof JSObject && intrinsics.has(v)) return null;
    const id = idOf(v);
    if (!items.has(id)) {
      items.set(id, v);
      work.push(v);
    }
    return id;
  };
  const edge = (from: number, label: string, v: unknown): void => {
    const to = visit(v);
    if (to !== null) edges.push({ from, to, label });
  };
  const root = (label: string, v: unknown): void => {
    const to = visit(v);
    if (to !== null) roots.push({ label, to });
  };

  // roots: the frames (locals, environment, this), the operand stack, globals, jobs, host calls
  for (let i = vm.frames.length - 1; i >= 0; i--) {
    const f = vm.frames[i];
    const name = f.code.name || (f.code.flags & 128 ? '<script>' : '<anonymous>');
    const top = i + 1 < vm.frames.length ? vm.frames[i + 1].retSlot : vm.sp;
    for (let k = f.base; k < top; k++) {
      const local = k - f.base < f.code.nlocals ? f.code.localNames[k - f.base] || `r${k - f.base}` : `stack[${k - f.base - f.code.nlocals}]`;
      root(`${name}: ${local}`, vm.stack[k]);
    }
    root(`${name}: scope`, f.env);
    root(`${name}: this`, f.thisValue);
    root(`${name}: generator`, f.gen);
  }
  const g = vm.realm.globalObject;
  for (let i = 0; i < g.shape.keys.length; i++) {
    const k = g.shape.keys[i];
    const s = g.getSlot(i);
    root(`global ${keyText(k)}`, s instanceof Accessor ? s.get : s);
  }
  for (let i = vm.jobHead; i < vm.jobs.length; i++) {
    const j = vm.jobs[i] as unknown as Record<string, unknown>;
    for (const k in j) {
      const v = j[k];
      if (v instanceof Reaction) {
        root(`job ${i - vm.jobHead}: handler`, v.onFulfilled);
        root(`job ${i - vm.jobHead}: promise`, v.capability);
      } else root(`job ${i - vm.jobHead}: ${k}`, v);
    }
  }
  for (const c of [...vm.host.inflight, ...vm.host.queued, ...vm.host.answered]) {
    root(`host call ${c.id} (${c.capability}): args`, c.args);
    root(`host call ${c.id} (${c.capability}): promise`, c.promise);
    root(`host call ${c.id} (${c.capability}): answer`, c.value);
  }

  while (work.length) {
    const o = work.pop()!;
    const id = idOf(o);
    let size = 0;
    if (o instanceof Env) {
      size = ENV_BYTES + o.vars.length * SLOT_BYTES;
      o.vars.forEach((v, i) => {
        size += strBytes(v);
        edge(id, `var ${i}`, v);
      });
      edge(id, 'parent scope', o.parent);
    } else {
      size = OBJECT_BYTES + o.slotCount * SLOT_BYTES;
      edge(id, '__proto__', o.proto);
      for (let i = 0; i < o.shape.keys.length; i++) {
        const k = o.shape.keys[i];
        const s = o.getSlot(i);
        const label = k instanceof PrivateName ? `#${k.description}` : keyText(k);
        if (s instanceof Accessor) {
          edge(id, `get ${label}`, s.get);
          edge(id, `set ${label}`, s.set);
        } else {
          size += strBytes(s);
          edge(id, label, s);
        }
      }
      if (o instanceof JSArray) {
        size += ARRAY_BYTES - OBJECT_BYTES + o.elements.length * SLOT_BYTES;
        o.elements.forEach((e, i) => {
          size += strBytes(e);
          edge(id, `[${i}]`, e);
        });
      } else if (o instanceof JSFunction) {
        size += FUNCTION_BYTES - OBJECT_BYTES;
        edge(id, 'scope', o.env);
        edge(id, 'home', o.home);
        edge(id, 'field initializer', o.fieldInit);
      } else if (o instanceof JSCollection) {
        size += COLLECTION_BYTES - OBJECT_BYTES + o.keys.length * ENTRY_BYTES;
        let n = 0;
        o.keys.forEach((k, i) => {
          if (k instanceof Marker) return; // a deleted entry
          size += strBytes(k) + strBytes(o.values[i]);
          edge(id, `key ${n}`, k);
          if (o.cls === Cls.Map) edge(id, `value ${n}`, o.values[i]);
          n++;
        });
      } else if (o instanceof JSPromise) {
        edge(id, 'result', o.result);
        o.reactions.forEach((r, i) => {
          edge(id, `reaction ${i}`, r.onFulfilled);
          edge(id, `reaction ${i} rejected`, r.onRejected);
          edge(id, `reaction ${i} promise`, r.capability);
          // an `await`: the suspended async function (its saved frame holds its variables)
          edge(id, `awaited by`, r.resume);
        });
      } else if (o instanceof JSGenerator) {
        const sf = o.frame as SavedFrame | null;
        if (sf) {
          edge(id, 'suspended scope', sf.env);
          edge(id, 'suspended this', sf.thisValue);
          sf.values.forEach((v, i) => edge(id, `suspended r${i}`, v));
        }
        edge(id, 'promise', o.promise);
      } else if (o instanceof JSIterator) edge(id, 'target', o.target);
      else if (o instanceof JSPrimitiveObject) edge(id, 'value', o.value);
      else if (o instanceof NativeFunction && o.data instanceof BoundData) {
        edge(id, 'target', o.data.target);
        edge(id, 'bound this', o.data.boundThis);
        o.data.args.forEach((a, i) => edge(id, `bound arg ${i}`, a));
      } else if (o instanceof JSRegExp) size += o.source.length * 2;
    }
    nodes.set(id, { id, kind: kindOf(vm, o), size, retained: size, preview: previewOf(vm, o) });
  }
  const graph: HeapGraph = { nodes: [...nodes.values()], edges, roots, total: 0 };
  graph.total = graph.nodes.reduce((n, x) => n + x.size, 0);
  computeRetained(graph);
  return graph;
}

/**
 * Retained sizes from the dominator tree (Cooper, Harvey & Kennedy's iterative
 * algorithm over a reverse postorder from a virtual root joined to every root).
 */
export function computeRetained(graph: HeapGraph): void {
  const ids = graph.nodes.map((n) => n.id);
  const index = new Map<number, number>();
  ids.forEach((id, i) => index.set(id, i + 1)); // 0 = the virtual root
  const n = ids.length + 1;
  const succ: number[][] = Array.from({ length: n }, () => []);
  const pred: number[][] = Array.from({ length: n }, () => []);
  const link = (a: number, b: number): void => {
    succ[a].push(b);
    pred[b].push(a);
  };
  for (const r of graph.roots) link(0, index.get(r.to)!);
  for (const e of graph.edges) link(index.get(e.from)!, index.get(e.to)!);
  // reverse postorder by iterative DFS
  const order: number[] = [];
  const state = new Uint8Array(n);
  const stack: [number, number][] = [[0, 0]];
  state[0] = 1;
  while (stack.length) {
    const top = stack[stack.length - 1];
    const [v, i] = top;
    if (i < succ[v].length) {
      top[1]++;
      const w = succ[v][i];
      if (!state[w]) {
        state[w] = 1;
        stack.push([w, 0]);
      }
    } else {
      stack.pop();
      order.push(v);
    }
  }
  const rpo = order.reverse();
  const po = new Int32Array(n).fill(-1);
  rpo.forEach((v, i) => (po[v] = rpo.length - 1 - i));
  const idom = new Int32Array(n).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (po[a] < po[b]) a = idom[a];
      while (po[b] < po[a]) b = idom[b];
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const v of rpo) {
      if (v === 0) continue;
      let d = -1;
      for (const p of pred[v]) {
        if (idom[p] === -1) continue;
        d = d === -1 ? p : intersect(p, d);
      }
      if (d !== -1 && idom[v] !== d) {
        idom[v] = d;
        changed = true;
      }
    }
  }
  // retained = own size + retained of the dominator-tree children (children come later in rpo)
  const retained = new Float64Array(n);
  graph.nodes.forEach((node, i) => (retained[i + 1] = node.size));
  for (let k = rpo.length - 1; k >= 0; k--) {
    const v = rpo[k];
    if (v !== 0 && idom[v] > 0) retained[idom[v]] += retained[v];
  }
  graph.nodes.forEach((node, i) => (node.retained = retained[i + 1]));
}
