/**
 * Bytecode emission for one function: the instruction buffer, constant pool, labels
 * with back-patching, register allocation and the pc → span table.
 */
import { FunctionCode, icTable, type Constant } from '../chunk';
import { Op } from '../opcodes';
import type { Node } from './scope';

export class Label {
  pos = -1;
  refs: number[] = [];
}

export class Emitter {
  readonly code: number[] = [];
  readonly constants: Constant[] = [];
  private readonly constIndex = new Map<unknown, number>();
  readonly localNames: string[] = [];
  private readonly spans: number[] = [];
  private readonly spanIndex = new Map<Node, number>();
  private readonly pcSpans: number[] = [];
  private curSpan = -1;
  private lastEmittedSpan = -2;
  readonly stmtStarts: number[] = [];

  constructor(readonly lineStarts: number[]) {}

  get pc(): number {
    return this.code.length;
  }

  emit(op: Op, ...operands: number[]): void {
    if (this.curSpan !== this.lastEmittedSpan) {
      this.pcSpans.push(this.code.length, this.curSpan);
      this.lastEmittedSpan = this.curSpan;
    }
    this.code.push(op);
    for (let i = 0; i < operands.length; i++) this.code.push(operands[i]);
  }

  /** Emits a jump-style instruction whose last operand is `label`'s address. */
  emitJump(op: Op, label: Label, ...before: number[]): void {
    this.emit(op, ...before, 0);
    const at = this.code.length - 1;
    if (label.pos >= 0) this.code[at] = label.pos;
    else label.refs.push(at);
  }

  bind(label: Label): void {
    label.pos = this.code.length;
    for (const r of label.refs) this.code[r] = label.pos;
    label.refs.length = 0;
  }

  constant(c: Constant): number {
    const key = typeof c === 'object' ? c : typeof c + ':' + String(c) + (Object.is(c, -0) ? '-0' : '');
    let i = this.constIndex.get(key);
    if (i === undefined) {
      i = this.constants.length;
      this.constants.push(c);
      this.constIndex.set(key, i);
    }
    return i;
  }

  newLocal(name = ''): number {
    this.localNames.push(name);
    return this.localNames.length - 1;
  }

  /** Makes `node` the source span of the instructions emitted next; returns the previous one. */
  setSpan(node: Node): number {
    const prev = this.curSpan;
    if (!node || node.start === undefined) return prev;
    let i = this.spanIndex.get(node);
    if (i === undefined) {
      i = this.spans.length / 6;
      const [l1, c1] = this.position(node.start);
      const [l2, c2] = this.position(node.end);
      this.spans.push(node.start, node.end, l1, c1, l2, c2);
      this.spanIndex.set(node, i);
    }
    this.curSpan = i;
    return prev;
  }

  restoreSpan(prev: number): void {
    this.curSpan = prev;
  }

  markStatement(): void {
    this.stmtStarts.push(this.code.length);
  }

  /** 1-based line and column of a source offset. */
  position(offset: number): [number, number] {
    const ls = this.lineStarts;
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - ls[lo] + 1];
  }

  finish(fc: FunctionCode): void {
    fc.code = int32s(this.code);
    fc.ic = icTable(fc.code.length);
    fc.constants = this.constants;
    fc.spans = int32s(this.spans);
    fc.pcSpans = int32s(this.pcSpans);
    fc.nlocals = this.localNames.length;
    fc.localNames = this.localNames;
    fc.stmtStarts = int32s(this.stmtStarts);
  }
}

/** Shared by every function with an empty table (a zero-length array cannot change). */
const NO_INT32S = new Int32Array(0);

/**
 * The packed copy of a number array. A sized Int32Array filled by a loop is the cheapest
 * way in V8 (Int32Array.from uses the iterator protocol, a zero-length one is a slow path).
 */
function int32s(a: number[]): Int32Array {
  const n = a.length;
  if (n === 0) return NO_INT32S;
  const t = new Int32Array(n);
  for (let i = 0; i < n; i++) t[i] = a[i];
  return t;
}

/** Offsets where each line starts, for offset → line/column. */
export function computeLineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 0x2028 || c === 0x2029) starts.push(i + 1);
  }
  return starts;
}
