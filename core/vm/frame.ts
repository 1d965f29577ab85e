/**
 * Call frames: VM data, not host recursion. A frame records where its registers start
 * on the shared value stack, its pc, environment, `this`, its try handlers and what to
 * do with its result (the continuation), so any frame can be saved (generators, await)
 * or serialized.
 */
import type { FunctionCode } from '../chunk';
import type { Env, JSFunction, JSGenerator, JSObject, JSPromise } from '../objects';
import type { Value } from '../value';

/** What happens to a frame's completion. */
export const enum Cont {
  /** Push the result where the callee was (ordinary call). */
  Normal,
  /** `new`: an object result wins, otherwise `this`. */
  Construct,
  /** Drop the result (setters, field initializers, iterator close). */
  Discard,
  /** Drop the result and swallow a throw (closing iterators while an exception propagates). */
  Quiet,
  /** Promise reaction job: settle `data` (a promise or null) with the outcome. */
  Reaction,
  /** Async function body: settle its promise; the first suspension returns it to the caller. */
  Async,
  /** Generator body resumed by next/throw/return: produce an iterator result. */
  Generator,
  /** `new Promise(executor)`: the result is the promise; a throw rejects it. */
  Executor,
  /** Thenable job: a throw calls the reject function in `data`. */
  Thenable,
  /** A next() call made by IterNext: unpack the result, jump to `data` when done. */
  IterNext,
  /** iterator.return() on break: the result must be an object, then dropped. */
  CloseIter,
  /** A host-visible call (prelude helper invoked from the embedding API); returns to the host. */
  Host,
  /** A getter producing a method: the result goes to retSlot and the receiver above it stays. */
  Method,
  /** The prelude returned [iterator, next]: push both (then a sync flag when data is 0/1). */
  Unpack,
  /** A generator resumed by for-of: yields push raw values, completion jumps to `data`. */
  GenIterNext,
  /** Async generator body: settles queued request promises; `data` is the promise to return first. */
  AsyncGen,
  /**
   * A callback called by a native driver (see natives.ts, DriverStep): the result goes to the
   * driver's next step; `data` is the driver's state array.
   */
  Drive,
}

/**
 * The try stacks of a frame that has not entered a try block: shared and frozen, so a call
 * allocates no arrays for them (TryPush gives the frame its own arrays first).
 */
export const NO_TRY: number[] = Object.freeze([]) as unknown as number[];
export const NO_TRY_ENVS: (Env | null)[] = Object.freeze([]) as unknown as (Env | null)[];

export class Frame {
  pc = 0;
  /** Handler pcs and stack heights of active try blocks (pairs); {@link NO_TRY} when empty. */
  tryStack: number[] = NO_TRY;
  tryEnvs: (Env | null)[] = NO_TRY_ENVS;
  /** Generator/async state when this frame can suspend. */
  gen: JSGenerator | null = null;
  /** Async functions: true until the first await returns the promise to the caller. */
  asyncFirst = false;
  /** How the frame was last resumed: 0 next, 1 throw, 2 return. */
  resumeMode = 0;
  /** Async functions: what to do with the promise at the first suspension or completion. */
  outerCont: Cont = Cont.Normal;
  outerData: JSObject | JSPromise | number | null = null;
  /** The next frame of the VM's free list (see VM.freeFrame); null while the frame runs. */
  nextFree: Frame | null = null;
  constructor(
    public fn: JSFunction,
    public code: FunctionCode,
    /** Stack index of register 0. */
    public base: number,
    /** Stack index that receives the result. */
    public retSlot: number,
    public env: Env | null,
    public thisValue: Value,
    public newTarget: Value,
    public cont: Cont,
    public contData: JSObject | JSPromise | number | null,
  ) {}

  /** Re-initialises a pooled frame (the constructor's work, on a frame that finished). */
  reuse(fn: JSFunction, code: FunctionCode, base: number, retSlot: number, env: Env | null, thisValue: Value, newTarget: Value, cont: Cont, contData: JSObject | JSPromise | number | null): void {
    this.fn = fn;
    this.code = code;
    this.base = base;
    this.retSlot = retSlot;
    this.env = env;
    this.thisValue = thisValue;
    this.newTarget = newTarget;
    this.cont = cont;
    this.contData = contData;
    this.pc = 0;
    this.gen = null;
    this.tryStack = NO_TRY;
    this.tryEnvs = NO_TRY_ENVS;
    this.asyncFirst = false;
    this.resumeMode = 0;
    this.outerCont = Cont.Normal;
    this.outerData = null;
    this.nextFree = null;
  }
}
