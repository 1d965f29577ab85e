/**
 * Host calls (capability calls) as VM data. A call is created when guest code calls a
 * capability, *issued* to the host while fewer than `limits.outstandingHostCalls` are in
 * flight (otherwise it waits in `queued`), and *answered* by the host with a value or a
 * guest error. Everything here is plain data, so a snapshot carries pending calls and
 * a restored VM continues them.
 *
 * Two ways a call returns to the guest:
 * - async: `promise` is a guest promise returned at the call; the answer settles it.
 * - sync: the call pushed a {@link HOST_WAIT_CODE} frame whose HostWait instruction
 *   suspends the VM until `answered` has the call's answer, then evaluates to it.
 */
import { FnFlags, FunctionCode, icTable } from '../chunk';
import { Op } from '../opcodes';
import type { JSArray, JSPromise } from '../objects';
import type { Value } from '../value';

export class HostCall {
  /** Answered (sync calls keep the answer here until HostWait takes it). */
  done = false;
  /** The answer: a value, or a guest value to throw when `ok` is false. */
  ok = true;
  value: Value = undefined;
  /** Cache of the structured copy of `args` handed to the host (not part of a snapshot). */
  hostArgs: unknown[] | null = null;
  constructor(
    /** Deterministic per run: 1, 2, 3… in call order. */
    readonly id: number,
    readonly capability: string,
    /** The guest arguments (a guest array, so they stay in the heap and the snapshot). */
    readonly args: JSArray,
    /** Async calls: the promise the guest holds. Null for sync calls. */
    readonly promise: JSPromise | null,
  ) {}
}

export class HostCalls {
  nextId = 1;
  /** Issued to the host and not answered yet, in id order. */
  inflight: HostCall[] = [];
  /** Over the outstanding limit: issued (in order) as in-flight calls are answered. */
  queued: HostCall[] = [];
  /** Sync calls answered but not yet taken by their HostWait instruction. */
  answered: HostCall[] = [];
}

/** A tiny built-in function of hand-written code, taking one argument (a snapshot names it). */
function syntheticCode(name: string, code: number[]): FunctionCode {
  const f = new FunctionCode(name, 0);
  f.code = new Int32Array(code);
  f.ic = icTable(code.length);
  f.nparams = 1;
  f.length = 1;
  f.nlocals = 1;
  f.flags = FnFlags.Builtin | FnFlags.NoConstruct;
  f.unit = { functions: [f], source: '' };
  return f;
}

/**
 * The code of the frame a sync capability call pushes: `GetLocal 0; HostWait; Return`.
 * One shared, immutable function; a snapshot refers to it by name.
 */
export const HOST_WAIT_CODE: FunctionCode = syntheticCode('%HostWait%', [Op.GetLocal, 0, Op.HostWait, Op.Return]);

/**
 * The code of the frame pushed when a debugger asked to stop right after an async
 * capability call: `GetLocal 0; Break; Return` — it returns the call's promise.
 */
export const BREAK_AFTER_CALL_CODE: FunctionCode = syntheticCode('%BreakAfterCall%', [Op.GetLocal, 0, Op.Break, Op.Return]);
