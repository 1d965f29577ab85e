/**
 * The CLI's step-wise driver (used for --trace and --durable): start/resume over the
 * public Execution API, dispatching capability calls to their handlers like run() does,
 * printing a trace line per suspension and per answer, and — durable — round-tripping
 * the execution through snapshot bytes into a fresh VM at every suspension.
 */
import {
  CapabilityError,
  CapabilityFailure,
  start,
  type Answer,
  type Capability,
  type CompiledProgram,
  type Execution,
  type HostCallRequest,
  type StartOptions,
} from '../index';
import { jsonOf } from './report';

/** Saves an execution as bytes and restores the bytes into a fresh execution. */
export interface Durability {
  snapshot(exec: Execution): Uint8Array;
  restore(bytes: Uint8Array): Execution;
}

export interface DriveOptions {
  /** Receives trace lines (without newline). */
  trace?: (line: string) => void;
  durable?: Durability;
}

const MAX_VALUE = 200;

function short(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** A host value for a trace line: JSON (bigint as a decimal string), undefined as `undefined`. */
function show(value: unknown): string {
  return value === undefined ? 'undefined' : short(jsonOf(value));
}

function callText(c: HostCallRequest): string {
  return `#${c.id} ${c.capability}(${short(c.args.map(show).join(', '))})`;
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';
}

/** Runs `program` to completion; resolves to its result like run(). */
export async function drive(
  program: CompiledProgram,
  options: StartOptions & { capabilities?: Capability[] },
  how: DriveOptions,
): Promise<{ value: unknown; instructions: number }> {
  const trace = how.trace ?? null;
  const handlers = new Map((options.capabilities ?? []).map((c) => [c.name, c.handler]));
  let exec = start(program, options);
  const names = new Map<number, string>();
  const dispatched = new Set<number>();
  const ready: Answer[] = [];
  let wake: (() => void) | null = null;

  const failureAnswer = (call: HostCallRequest, e: unknown): Answer => {
    if (e instanceof CapabilityFailure) return { id: call.id, error: { name: e.failureName, message: e.message } };
    const message = e instanceof Error ? e.message : String(e);
    exec.vm.capabilities?.report({ capability: call.capability, callId: call.id, direction: 'result', message: `the handler threw: ${message}` });
    return { id: call.id, error: { name: 'Error', message: `capability ${call.capability} failed` } };
  };

  let out = exec.outcome;
  while (out.status !== 'completed') {
    if (out.status === 'paused') {
      out = exec.resume();
      continue;
    }
    const fresh = out.calls.filter((c) => !dispatched.has(c.id));
    let snapshotNote = '';
    if (how.durable) {
      const bytes = how.durable.snapshot(exec);
      exec = how.durable.restore(bytes);
      snapshotNote = ` (snapshot ${bytes.length} bytes)`;
    }
    if (trace) {
      const waiting = out.calls.filter((c) => dispatched.has(c.id)).map((c) => `#${c.id}`);
      const what = fresh.length ? fresh.map(callText).join(', ') : `waiting for ${waiting.join(', ')}`;
      trace(`[trace] suspend at ${out.instructions}${snapshotNote}: ${what}`);
    }
    for (const call of fresh) {
      dispatched.add(call.id);
      names.set(call.id, call.capability);
      const handler = handlers.get(call.capability);
      if (!handler) {
        throw new CapabilityError(`capability ${call.capability} has no mock or handler (give one with --mocks or --host)`);
      }
      let r: unknown;
      try {
        r = handler(...call.args);
      } catch (e) {
        // as in run(): a host contract error thrown synchronously ends the run
        if (e instanceof CapabilityError && !(e instanceof CapabilityFailure)) throw e;
        ready.push(failureAnswer(call, e));
        continue;
      }
      if (!isThenable(r)) {
        ready.push({ id: call.id, value: r });
        continue;
      }
      Promise.resolve(r).then(
        (value) => {
          ready.push({ id: call.id, value });
          wake?.();
        },
        (e) => {
          ready.push(failureAnswer(call, e));
          wake?.();
        },
      );
    }
    if (!ready.length) {
      await new Promise<void>((r) => (wake = r));
      wake = null;
    }
    const answers = ready.splice(0);
    for (const a of answers) {
      dispatched.delete(a.id);
      if (trace) {
        const name = names.get(a.id) ?? '?';
        if ('error' in a) {
          const e = a.error as { name?: string; message?: string };
          trace(`[trace] answer #${a.id} ${name}: throws ${e.name ?? 'Error'}: ${short(e.message ?? '')}`);
        } else trace(`[trace] answer #${a.id} ${name}: ${show(a.value)}`);
      }
      names.delete(a.id);
    }
    out = exec.resume(answers);
  }
  return { value: out.value, instructions: out.instructions };
}
