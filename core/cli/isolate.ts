/**
 * `capsule run --isolate`: the program runs in a sidecar process (the same sidecar and
 * protocol the IDE uses, core/host/sidecar) with its OS-level limits and watchdog; the
 * capability handlers (--mocks, --host) stay in this process and answer the sidecar's
 * suspensions. With --durable every suspension is moved into a fresh sidecar session
 * through snapshot bytes.
 */
import { randomBytes } from 'node:crypto';
import { launchSidecar, SidecarError, type Sidecar } from '../host/sidecar/client';
import type { StepResult, WireError } from '../host/sidecar/protocol';
import {
  CapabilityError,
  CapabilityFailure,
  LimitError,
  RuntimeError,
  SerializationError,
  type Answer,
  type Capability,
  type ConsoleLevel,
  type Limits,
} from '../index';

export interface IsolateOptions {
  source: string;
  inputs: Record<string, unknown>;
  limits: Partial<Limits>;
  seed?: number;
  now?: number;
  capabilities: Capability[];
  onConsole: (level: ConsoleLevel, text: string) => void;
  trace?: (line: string) => void;
  durable: boolean;
}

/** A sidecar failure as the core error the CLI reports (exit codes stay those of a local run). */
function coreError(e: unknown): unknown {
  if (!(e instanceof SidecarError)) return e;
  if (e.exit) {
    if (e.exit.cause === 'memory') return new LimitError('heapBytes', 0, 0, `${e.exit.message}; the isolate's memory cap was reached`);
    if (e.exit.cause === 'time' || e.exit.cause === 'unresponsive') return new LimitError('timeMs', 0, 0, e.exit.message);
    return new Error(e.exit.message);
  }
  const w = e.wire as WireError;
  switch (w.kind) {
    case 'Runtime':
      return new RuntimeError(w.name, w.message, w.stack ?? '');
    case 'Limit':
      return new LimitError((w.limit ?? 'instructions') as LimitError['limit'], 0, 0, w.message);
    case 'Serialization':
      return new SerializationError(w.message);
    case 'Capability':
      return new CapabilityError(w.message);
    default:
      return new Error(w.message);
  }
}

function answerOf(capabilities: Capability[], call: { id: number; capability: string; args: unknown[] }): Answer | Promise<Answer> {
  const handler = capabilities.find((c) => c.name === call.capability)?.handler;
  if (!handler) throw new CapabilityError(`capability ${call.capability} has no handler`);
  const fail = (e: unknown): Answer => {
    if (e instanceof CapabilityFailure) return { id: call.id, error: { name: e.failureName, message: e.message } };
    if (e instanceof CapabilityError) throw e;
    return { id: call.id, error: { name: 'Error', message: `capability ${call.capability} failed` } };
  };
  try {
    const r = handler(...call.args);
    if (r !== null && typeof r === 'object' && typeof (r as PromiseLike<unknown>).then === 'function') {
      return Promise.resolve(r as PromiseLike<unknown>).then((value) => ({ id: call.id, value }), fail);
    }
    return { id: call.id, value: r };
  } catch (e) {
    return fail(e);
  }
}

/** Runs the program in a sidecar; resolves to its result like run(). */
export async function runIsolated(o: IsolateOptions): Promise<{ value: unknown; instructions: number }> {
  let sidecar: Sidecar | null = null;
  try {
    sidecar = await launchSidecar();
    const sc = sidecar;
    const key = randomBytes(32).toString('base64');
    let session = 's0';
    let n = 0;
    const listen = (id: string) =>
      sc.onSession(id, (e) => {
        if (e.event === 'console') o.onConsole(e.level as ConsoleLevel, e.text);
      });
    listen(session);
    const decls = o.capabilities.map(({ handler: _h, ...d }) => d);
    const base = { source: o.source, inputs: o.inputs, capabilities: decls, limits: o.limits, ...(o.seed !== undefined ? { seed: o.seed } : {}), ...(o.now !== undefined ? { now: o.now } : {}) };
    const deadline = (o.limits.timeMs ?? 30_000) + 2000;
    const opened = (await sc.request('open', session, base, deadline)) as { outcome: StepResult };
    let out = opened.outcome as StepResult;
    for (;;) {
      if (out.status === 'completed') return { value: out.value, instructions: out.instructions };
      if (out.status === 'paused') {
        out = (await sc.request('step', session, {}, deadline)) as StepResult;
        continue;
      }
      o.trace?.(`[trace] suspend at ${out.instructions}: ${out.calls.map((c) => `#${c.id} ${c.capability}(${JSON.stringify(c.args).slice(1, -1)})`).join(', ')}`);
      const answers = await Promise.all(out.calls.map((c) => answerOf(o.capabilities, c)));
      for (const a of answers) {
        const name = out.calls.find((c) => c.id === a.id)?.capability ?? '?';
        o.trace?.(`[trace] answer #${a.id} ${name}: ${'error' in a ? `error ${JSON.stringify(a.error)}` : JSON.stringify(a.value) ?? 'undefined'}`);
      }
      if (o.durable) {
        // through bytes into a fresh session before continuing
        const { bytes } = (await sc.request('snapshot', session, { key })) as { bytes: Uint8Array };
        await sc.request('close', session);
        sc.onSession(session, null);
        session = `s${++n}`;
        listen(session);
        await sc.request('open', session, { ...base, snapshot: bytes, key }, deadline);
      }
      out = (await sc.request('step', session, { answers }, deadline)) as StepResult;
    }
  } catch (e) {
    throw coreError(e);
  } finally {
    sidecar?.kill();
  }
}
