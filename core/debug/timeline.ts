/**
 * The run timeline: every suspension of a run is a node holding a snapshot and the calls
 * it waits for. Answering a node continues the run from that snapshot to the next
 * suspension (or the end), which becomes its child; answering the same node again with
 * other answers forks the run, so the timeline is a tree. A timeline saves to bytes (one
 * file) and loads back; every snapshot in it is verified again when used.
 */
import { Packr } from 'msgpackr';
import type { Answer } from '../capabilities';
import type { CompiledProgram } from '../chunk';
import { CapsuleError, SerializationError } from '../errors';
import { start, type HostCallRequest, type StartOptions } from '../execution';
import { restore, snapshot } from '../snapshot/index';

export interface TimelineNode {
  id: number;
  parent: number | null;
  /** The answers given to the parent that led here (null for the root). */
  answers: Answer[] | null;
  instructions: number;
  status: 'suspended' | 'completed' | 'failed';
  /** suspended: the calls waiting for answers. */
  calls: HostCallRequest[];
  /** completed: the result; failed: the error. */
  value?: unknown;
  error?: { kind: string; name: string; message: string };
  /** suspended: the execution's state at this node. */
  snapshot: Uint8Array | null;
  children: number[];
  /**
   * Console output printed on the way from the parent to this node (the root: from the start),
   * at most {@link CONSOLE_LINES} lines. Absent in files saved before it was recorded.
   */
  console?: TimelineConsoleLine[];
}

/** One line of guest console output. */
export interface TimelineConsoleLine {
  level: string;
  text: string;
}

/** Console lines kept per node (a loop printing millions of lines must not bloat the file). */
export const CONSOLE_LINES = 1000;
/** Characters kept per console line. */
const CONSOLE_CHARS = 10_000;

const FORMAT = 1;
const MAGIC = 'capsule-timeline';
const packr = new Packr({ useRecords: false, moreTypes: false });

export class Timeline {
  readonly nodes: TimelineNode[] = [];

  private constructor(
    readonly program: CompiledProgram,
    private readonly options: StartOptions,
    private readonly key: string | Uint8Array,
  ) {}

  /** Starts the program and records its first suspension (or its end) as the root. */
  static start(program: CompiledProgram, options: StartOptions, key: string | Uint8Array): Timeline {
    const t = new Timeline(program, options, key);
    t.record(null, null, (o) => start(program, o));
    return t;
  }

  get root(): TimelineNode {
    return this.nodes[0];
  }

  node(id: number): TimelineNode {
    const n = this.nodes[id];
    if (!n) throw new SerializationError(`no timeline node ${id}`);
    return n;
  }

  /**
   * Answers the calls of a suspended node: the run continues from the node's snapshot to
   * its next suspension or its end, recorded as a new child. Answering a node that already
   * has children forks the run.
   */
  answer(id: number, answers: Answer[]): TimelineNode {
    const n = this.node(id);
    if (n.status !== 'suspended' || !n.snapshot) throw new SerializationError(`node ${id} is not waiting for answers`);
    const bytes = n.snapshot;
    return this.record(id, answers, (o) => {
      const exec = restore(this.program, bytes, { ...o, key: this.key });
      exec.resume(answers);
      return exec;
    });
  }

  /** The path of nodes from the root to `id`. */
  path(id: number): TimelineNode[] {
    const out: TimelineNode[] = [];
    for (let n: TimelineNode | null = this.node(id); n; n = n.parent === null ? null : this.node(n.parent)) out.unshift(n);
    return out;
  }

  private record(parent: number | null, answers: Answer[] | null, run: (options: StartOptions) => ReturnType<typeof start>): TimelineNode {
    const lines: TimelineConsoleLine[] = [];
    const node: TimelineNode = { id: this.nodes.length, parent, answers, instructions: 0, status: 'suspended', calls: [], snapshot: null, children: [], console: lines };
    const forward = this.options.onConsole;
    const options: StartOptions = {
      ...this.options,
      onConsole: (level, text) => {
        if (lines.length < CONSOLE_LINES) lines.push({ level, text: text.length > CONSOLE_CHARS ? `${text.slice(0, CONSOLE_CHARS)}…` : text });
        forward?.(level, text);
      },
    };
    try {
      const exec = run(options);
      let out = exec.outcome;
      while (out.status === 'paused') out = exec.resume();
      node.instructions = out.instructions;
      if (out.status === 'completed') {
        node.status = 'completed';
        node.value = out.value;
      } else {
        node.calls = out.calls;
        node.snapshot = snapshot(exec, this.key);
      }
    } catch (e) {
      if (!(e instanceof CapsuleError) || e instanceof SerializationError) throw e;
      node.status = 'failed';
      node.error = { kind: e.kind, name: e.name, message: e.message };
    }
    this.nodes.push(node);
    if (parent !== null) this.nodes[parent].children.push(node.id);
    return node;
  }

  /** The whole tree as bytes (snapshots included; each stays signed under the host key). */
  save(): Uint8Array {
    return packr.pack([MAGIC, FORMAT, this.program.source, this.nodes]);
  }

  /** Loads a saved timeline for `program` (the same source) with the key its snapshots were signed with. */
  static load(bytes: Uint8Array, program: CompiledProgram, options: StartOptions, key: string | Uint8Array): Timeline {
    let data: unknown;
    try {
      data = packr.unpack(bytes);
    } catch (e) {
      throw new SerializationError(`not a timeline file: ${(e as Error).message}`);
    }
    if (!Array.isArray(data) || data[0] !== MAGIC) throw new SerializationError('not a timeline file');
    if (data[1] !== FORMAT) throw new SerializationError(`unsupported timeline format ${String(data[1])} (expected ${FORMAT})`);
    if (data[2] !== program.source) throw new SerializationError('the timeline belongs to a different program');
    const nodes = data[3];
    if (!Array.isArray(nodes)) throw new SerializationError('corrupt timeline');
    const t = new Timeline(program, options, key);
    nodes.forEach((raw: unknown, i: number) => {
      const n = raw as TimelineNode;
      const ok =
        n !== null &&
        typeof n === 'object' &&
        n.id === i &&
        (n.parent === null || (Number.isInteger(n.parent) && n.parent >= 0 && n.parent < i)) &&
        ['suspended', 'completed', 'failed'].includes(n.status) &&
        Array.isArray(n.children) &&
        Array.isArray(n.calls) &&
        (n.snapshot === null || n.snapshot instanceof Uint8Array) &&
        (n.console === undefined || (Array.isArray(n.console) && n.console.every((l) => l !== null && typeof l === 'object' && typeof l.level === 'string' && typeof l.text === 'string')));
      if (!ok) throw new SerializationError(`corrupt timeline node ${i}`);
      t.nodes.push(n);
    });
    if (!t.nodes.length) throw new SerializationError('empty timeline');
    return t;
  }
}
