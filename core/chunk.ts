/**
 * Compiled code: one {@link FunctionCode} per guest function, and the
 * {@link CompiledProgram} that owns them. Every instruction maps to a source span
 * through a compact run-length table (pc → span index).
 */
import type { Span } from './diagnostics';

export const enum FnFlags {
  Arrow = 1,
  Generator = 2,
  Async = 4,
  Method = 8,
  ClassConstructor = 16,
  Derived = 32,
  /** Self-hosted built-in: looks native to guests, skipped in guest stacks. */
  Builtin = 64,
  Script = 128,
  /** Getter/setter or method: not a constructor. */
  NoConstruct = 256,
  /** Uses `this` from the frame (copied to env when captured). */
  FieldInit = 512,
  /** A concise arrow calling a capability in async code: its capability calls return promises. */
  AsyncCtx = 1024,
}

/** A template literal's cooked/raw strings (its object is created once per site). */
export interface TemplateConst {
  kind: 'template';
  cooked: (string | undefined)[];
  raw: string[];
  /** Per-site cache index into the program's template table. */
  site: number;
}

export type Constant = string | number | bigint | TemplateConst;

/** The placeholder of a function's arrays until the emitter finishes it (empty, so immutable). */
const EMPTY = new Int32Array(0);

export class FunctionCode {
  code: Int32Array = EMPTY;
  constants: Constant[] = [];
  /** Packed spans: [start, end, line, column, endLine, endColumn] × n. */
  spans: Int32Array = EMPTY;
  /** Pairs (pc, spanIndex), sorted by pc: the span from that pc on. */
  pcSpans: Int32Array = EMPTY;
  /** Declared parameter count before any default or rest (the `length` property). */
  length = 0;
  /** Parameters bound positionally (all simple params, incl. those with defaults). */
  nparams = 0;
  hasRest = false;
  /** Derived constructors whose class has fields: super() runs the field initializer. */
  fieldInitFlag = false;
  nlocals = 0;
  flags = 0;
  /** pcs where statements start (for statement stepping and breakpoints). */
  stmtStarts: Int32Array = EMPTY;
  /** Register names for the debugger (locals[i]); '' or '%…' for temporaries. */
  localNames: string[] = [];
  /**
   * Environments this function pushes, for the debugger's scope view: the env created by
   * the PushEnv at `start` is live for pcs in (start, end]; `names[slot]` names its slots.
   */
  envRegions: { start: number; end: number; names: string[]; block?: boolean }[] = [];
  /** Slot names of the environments the function closes over, innermost first. */
  outerEnvNames: string[][] = [];
  /** Source range of the function text (for toString and the debugger). */
  start = 0;
  end = 0;
  /** Where Function.prototype.toString's text starts when not at `start` (a method: its key). */
  textStart = -1;
  /** Where that text ends when not at `end` (a class's explicit constructor: the class's end). */
  textEnd = -1;
  line = 1;
  column = 1;
  /**
   * Inline caches of property sites, indexed by pc (interpreter-owned; entries from
   * another realm simply miss because shapes are per realm). Made by {@link icTable} whenever
   * `code` is set.
   */
  ic: unknown[] = [];
  /** The interpreter's copy of `code` with superinstructions (vm/fuse.ts), and the `code` it was made from. */
  fused: Int32Array | null = null;
  fusedFrom: Int32Array | null = null;
  /** The compilation unit this function belongs to (its function table and source). */
  unit!: { functions: FunctionCode[]; source: string };
  constructor(
    public name: string,
    /** Index in the program's function table. */
    public index: number,
  ) {}
}

/**
 * A fresh inline-cache table for `n` code units: a slot per pc, all undefined, built by `push` so
 * that every table is a packed array of the same V8 elements kind. Tables that started empty and
 * were written at scattered pcs became holey or dictionary-mode arrays of several kinds, and the
 * interpreter's `ic[pc]` loads went megamorphic once a few programs had run (closures ran 20%
 * slower after map-set-counting than in a fresh process).
 */
export function icTable(n: number): unknown[] {
  const t: unknown[] = [];
  for (let i = 0; i < n; i++) t.push(undefined);
  return t;
}

export class CompiledProgram {
  constructor(
    readonly source: string,
    readonly functions: FunctionCode[],
    /** Names of globals the program reads or writes (for the manifest and checks). */
    readonly freeNames: string[],
    readonly templateSites: number,
  ) {}
  get main(): FunctionCode {
    return this.functions[0];
  }
}

/** Finds the span of the instruction at `pc`, or undefined for synthetic code. */
export function spanAt(fn: FunctionCode, pc: number): Span | undefined {
  const t = fn.pcSpans;
  let lo = 0;
  let hi = (t.length >> 1) - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid * 2] <= pc) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  const si = t[found * 2 + 1];
  if (si < 0) return undefined;
  const s = fn.spans;
  const o = si * 6;
  return { start: s[o], end: s[o + 1], line: s[o + 2], column: s[o + 3], endLine: s[o + 4], endColumn: s[o + 5] };
}
