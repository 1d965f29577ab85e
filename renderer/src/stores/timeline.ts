/**
 * The timeline store: one run timeline of a script (docs/TIMELINE.md) — its nodes, the selected
 * node, the comparison of two nodes — and the actions of the Timeline panel: record (mocks answer
 * on the way, "ask me" calls stop for the user), answer or fork a node, restore a node into the
 * debugger, compare, save and load `.capsule/timelines/<script>.timeline`. Main does the work
 * (`timeline.*` requests); the pure parts live in ../timeline/model.ts.
 */
import { reactive, shallowRef } from 'vue';
import type { SessionAnswer, TimelineInspection, TimelineNodeInfo, TimelineView } from '../../../preload/api';
import { consoleUpTo, diffHeapContents, diffVariables, parseAnswer, type HeapChange, type VariableChange } from '../timeline/model';
import { api, messageOf } from './bridge';
import { adopt } from './debug';
import { mocksFor, mocksForRun, validateSchema } from './mocks';
import { selectedConfig } from './runconfig';
import { activeDocument, documents, workspace } from './workspace';

/** Two nodes side by side: what differs in their variables, heap and console output. */
export interface Comparison {
  a: number;
  b: number;
  variables: VariableChange[];
  heap: ReturnType<typeof diffHeapContents>;
  console: [{ level: string; text: string }[], { level: string; text: string }[]];
  /** The awaiting frames each node shows (where the run stood). */
  where: [string, string];
}

export const timeline = reactive({
  /** The timeline's id in main, or null when there is none. */
  id: null as string | null,
  /** The script it records (workspace path). */
  script: null as string | null,
  /** The workspace file it was loaded from or saved to, else the default for the script. */
  path: '',
  selected: null as number | null,
  /** Where the last recording stopped. */
  last: -1,
  /** The node restored into the debugger last. */
  restored: null as number | null,
  /** The first node of a comparison, picked with "Compare from here". */
  compareFrom: null as number | null,
  comparison: null as Comparison | null,
  busy: false,
  /** A node's state is being opened in the debugger (the workbench stays on the Timeline panel). */
  restoring: false,
  /** What is happening, for the panel and screen readers. */
  notice: null as string | null,
  error: null as string | null,
});

/** The nodes (a large tree: not deeply reactive). */
export const nodes = shallowRef<TimelineNodeInfo[]>([]);

/** The default timeline file of a script: `.capsule/timelines/<script path without .js>.timeline`. */
export function timelinePathFor(script: string): string {
  return `.capsule/timelines/${script.replace(/\.[cm]?js$/, '')}.timeline`;
}

/** The script the panel works on: the one recorded, else the active document. */
export function scriptOf(): string | null {
  return timeline.script ?? activeDocument()?.path ?? workspace.active ?? null;
}

async function runParams(script: string): Promise<{ source: string; mocks?: unknown; inputs?: Record<string, unknown>; limits?: Record<string, number>; seed?: number; now?: number }> {
  const config = selectedConfig(script);
  const mocks = await mocksForRun(script);
  return {
    source: documents.get(script)?.text ?? '',
    ...(mocks !== undefined ? { mocks } : {}),
    ...(config?.inputs ? { inputs: config.inputs } : {}),
    ...(config?.limits && Object.keys(config.limits).length ? { limits: config.limits as Record<string, number> } : {}),
    ...(config?.seed !== undefined ? { seed: config.seed } : {}),
    ...(config?.now !== undefined ? { now: config.now } : {}),
  };
}

async function work<T>(notice: string, fn: () => Promise<T>): Promise<T | undefined> {
  if (timeline.busy) return undefined;
  timeline.busy = true;
  timeline.error = null;
  timeline.notice = notice;
  try {
    return await fn();
  } catch (e) {
    timeline.error = messageOf(e);
    timeline.notice = null;
    return undefined;
  } finally {
    timeline.busy = false;
  }
}

function take(view: TimelineView, script: string, select: number): void {
  timeline.id = view.id;
  timeline.script = script;
  nodes.value = view.nodes;
  timeline.last = view.last;
  timeline.selected = select;
}

async function closeCurrent(): Promise<void> {
  const id = timeline.id;
  timeline.id = null;
  timeline.restored = null;
  timeline.compareFrom = null;
  timeline.comparison = null;
  if (id) await api().invoke('timeline.close', { id }).catch(() => {});
}

/** Records a new timeline of `script` (default: the active script) with its run configuration and mocks. */
export async function record(script = activeDocument()?.path ?? workspace.active): Promise<void> {
  if (!script) {
    timeline.error = 'Open a script to record its timeline';
    return;
  }
  await work(`Recording ${script}…`, async () => {
    const params = await runParams(script);
    await closeCurrent();
    const view = await api().invoke('timeline.open', params);
    take(view, script, view.last);
    timeline.path = timelinePathFor(script);
    timeline.notice = summary(`Recorded ${view.nodes.length} node${view.nodes.length === 1 ? '' : 's'}`);
  });
}

/** Where the last recording stopped, in words. */
function summary(prefix: string): string {
  const n = nodes.value[timeline.last];
  if (!n) return prefix;
  if (n.status === 'suspended') return `${prefix}; node ${n.id} waits for your answer (${n.calls.map((c) => c.capability).join(', ')})`;
  return `${prefix}; the run ${n.status === 'completed' ? 'completed' : 'failed'} at node ${n.id}`;
}

/** Loads a saved timeline (default: the script's own file) for the active script. */
export async function load(path = timeline.path || (scriptOf() ? timelinePathFor(scriptOf()!) : '')): Promise<void> {
  const script = scriptOf();
  if (!script) {
    timeline.error = 'Open a script to load its timeline';
    return;
  }
  if (!path) return;
  await work(`Loading ${path}…`, async () => {
    const params = await runParams(script);
    const view = await api().invoke('timeline.open', { ...params, load: path });
    await closeCurrent();
    take(view, script, 0);
    timeline.path = path;
    timeline.notice = `Loaded ${view.nodes.length} nodes from ${path}`;
  });
}

/** Saves the timeline to the workspace (default: `.capsule/timelines/<script>.timeline`). */
export async function save(path = timeline.path || (timeline.script ? timelinePathFor(timeline.script) : '')): Promise<void> {
  const id = timeline.id;
  if (!id || !path) return;
  await work(`Saving ${path}…`, async () => {
    const r = await api().invoke('timeline.save', { id, path });
    timeline.path = r.path;
    timeline.notice = `Saved ${nodes.value.length} nodes to ${r.path} (${formatSize(r.bytes)})`;
  });
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Closes the timeline (its session in main ends). */
export async function closeTimeline(): Promise<void> {
  await closeCurrent();
  nodes.value = [];
  timeline.selected = null;
  timeline.last = -1;
  timeline.script = null;
  timeline.notice = null;
  timeline.error = null;
}

/**
 * Checks the answer editor's texts for a node's calls: JSON each, and against the capability's
 * result schema when its mocks file has one. Returns the answers, or the problems by call id.
 */
export async function checkAnswers(node: TimelineNodeInfo, texts: Record<number, string>): Promise<{ answers: SessionAnswer[] } | { problems: Record<number, string> }> {
  const problems: Record<number, string> = {};
  const answers: SessionAnswer[] = [];
  const mocks = timeline.script ? (mocksFor(timeline.script) as { capabilities?: Record<string, { result?: unknown }> } | undefined) : undefined;
  for (const call of node.calls) {
    const parsed = parseAnswer(call.id, texts[call.id] ?? '');
    if ('error' in parsed) {
      problems[call.id] = parsed.error;
      continue;
    }
    const schema = mocks?.capabilities?.[call.capability]?.result;
    if (schema !== undefined && parsed.answer.error === undefined) {
      const check = await validateSchema(schema, parsed.answer.value, 'result');
      if (check.errors.length) {
        problems[call.id] = check.errors.join('; ');
        continue;
      }
    }
    answers.push(parsed.answer);
  }
  return Object.keys(problems).length ? { problems } : { answers };
}

/** Answers a node's calls: a new child, a new branch when it has one already; mocks carry it on. */
export async function answerNode(node: number, answers: SessionAnswer[]): Promise<boolean> {
  const id = timeline.id;
  const script = timeline.script;
  if (!id || !script) return false;
  const forked = (nodes.value[node]?.children.length ?? 0) > 0;
  const done = await work(forked ? `Forking from node ${node}…` : `Answering node ${node}…`, async () => {
    const view = await api().invoke('timeline.answer', { id, node, answers });
    take(view, script, view.last);
    timeline.notice = summary(forked ? `New branch from node ${node}` : `Answered node ${node}`);
    return true;
  });
  return done === true;
}

/** Restores a node's state into the debugger: every debugging view shows that moment of the run. */
export async function restoreNode(node: number): Promise<void> {
  const id = timeline.id;
  const script = timeline.script;
  const n = nodes.value[node];
  if (!id || !script || !n) return;
  if (!n.hasSnapshot) {
    timeline.error = `Node ${node} has no state to restore: the run ${n.status === 'completed' ? 'completed' : 'failed'} there`;
    return;
  }
  await work(`Restoring node ${node}…`, async () => {
    let failure: unknown = null;
    let adopted = false;
    timeline.restoring = true;
    try {
      adopted = await adopt(
        script,
        async () => {
          try {
            return await api().invoke('timeline.restore', { id, node });
          } catch (e) {
            failure = e;
            throw e;
          }
        },
        consoleUpTo(nodes.value, node),
        `Restored timeline node ${node} (${n.instructions.toLocaleString('en-US')} instructions)`,
      );
    } finally {
      timeline.restoring = false;
    }
    if (failure) throw failure;
    if (!adopted) throw new Error('The debugger is busy: try again when its command has finished');
    timeline.restored = node;
    timeline.notice = `Node ${node} restored into the debugger: Continue (F5) runs on from there`;
  });
}

/** Compares two nodes: variables, heap contents and console output. */
export async function compareNodes(a: number, b: number): Promise<void> {
  const id = timeline.id;
  if (!id || !nodes.value[a] || !nodes.value[b]) return;
  await work(`Comparing node ${a} with node ${b}…`, async () => {
    const [x, y] = await Promise.all([api().invoke('timeline.inspect', { id, node: a }), api().invoke('timeline.inspect', { id, node: b })]);
    timeline.comparison = {
      a,
      b,
      variables: diffVariables(x.scopes, y.scopes),
      heap: diffHeapContents(x.heap, y.heap),
      console: [consoleUpTo(nodes.value, a), consoleUpTo(nodes.value, b)],
      where: [where(x, nodes.value[a]!), where(y, nodes.value[b]!)],
    };
    timeline.compareFrom = null;
    timeline.notice = `Compared node ${a} with node ${b}`;
  });
}

function where(i: TimelineInspection, n: TimelineNodeInfo): string {
  if (n.status !== 'suspended') return n.status === 'completed' ? 'completed' : 'failed';
  const f = i.stack.find((x) => !x.builtin);
  return f ? `${f.name} line ${f.line}` : 'waiting';
}

export type { HeapChange, VariableChange };
