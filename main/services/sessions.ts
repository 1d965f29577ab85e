/**
 * The session service: runs the renderer's programs in sidecars (never in this process),
 * answers mocked capability calls here from the mock definitions (after their simulated
 * latency), forwards `ask` calls and calls to capabilities without a mock to the renderer
 * ("ask me") and waits for the user's answer, checks arguments and answers against the
 * capabilities' schemas, and streams console output, budgets, suspensions, the call log
 * and outcomes as events. Electron-free: the Electron shell, browser mode and tests run
 * the same code.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { CapabilitySet } from '../../core/capabilities';
import type { Answer } from '../../core/index';
import { checkMocks, mockCapabilities, type MockCapability } from '../../core/cli/mocks';
import { SidecarError, type Sidecar, type SidecarOptions } from '../../core/host/sidecar/client';
import { SidecarPool } from '../../core/host/sidecar/pool';
import { DEBUG_COMMANDS, type DebugCommand, type OpenParams, type StepResult, type WireError } from '../../core/host/sidecar/protocol';
import { packHeapGraph, type HeapGraph } from '../../core/debug/heap-graph';
import type { CallRecord, SessionAnswer, SessionCall, SessionError, SessionStartParams, SessionView } from '../../preload/api';
import type { EventHub } from './events';

export interface SessionServiceOptions extends SidecarOptions {
  /** Sidecar pool size (default 2). */
  poolSize?: number;
  recycleAfter?: number;
  /** Hard wall-clock stop per step beyond the session's own time limit (default 2000 ms). */
  watchdogGraceMs?: number;
  /** Overrides the hard wall-clock stop of a step entirely (tests). */
  watchdogMs?: number;
  /** Start a sidecar when the service starts (the apps), not at the first session. */
  warm?: boolean;
  /** The key snapshots and timelines are signed with (default: a new random key per process). */
  snapshotKey?: string;
}

/** Thrown for requests the renderer got wrong; the message goes back to the renderer. */
export class SessionRequestError extends Error {}

interface Session {
  id: string;
  /** Debug sessions start paused and are driven by `debug` commands. */
  debug: boolean;
  sidecar: Sidecar;
  capabilities: MockCapability[];
  /** The capabilities' argument and result schemas, checked here (core's messages). */
  checks: CapabilitySet;
  view: SessionView;
  timeMs: number;
  driving: boolean;
  /** The call log: every capability call this service has seen, by call id. */
  log: Map<number, CallRecord>;
  /** Mock answers computed at the call, delivered at `at` (simulated latency). */
  due: Map<number, { answer: Answer; at: number }>;
  /** Ends a latency wait early (cancel, close). */
  wake: (() => void) | null;
  /** Cancel or close was asked for while the service drove the session. */
  stopping: 'cancel' | 'close' | null;
}

const DEFAULT_TIME_MS = 30_000;

/** Debugger commands that run the program (the rest inspect it or set things up). */
const RUN_COMMANDS = ['continue', 'stepInto', 'stepOver', 'stepOut', 'stepInstruction', 'runTo', 'stepBack', 'stepBackInstruction', 'reverseContinue', 'jumpTo'] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Checks the renderer's start parameters (they arrive unchecked). */
function checkStart(p: unknown): SessionStartParams {
  if (!isObject(p)) throw new SessionRequestError('session parameters must be an object');
  if (typeof p.source !== 'string') throw new SessionRequestError('source must be a string');
  if (p.inputs !== undefined && !isObject(p.inputs)) throw new SessionRequestError('inputs must be an object');
  if (p.limits !== undefined) {
    if (!isObject(p.limits)) throw new SessionRequestError('limits must be an object');
    for (const [k, v] of Object.entries(p.limits)) {
      if (!['instructions', 'heapBytes', 'allocations', 'callDepth', 'outstandingHostCalls', 'timeMs'].includes(k)) throw new SessionRequestError(`unknown limit ${k}`);
      if (typeof v !== 'number' || !(v >= 0)) throw new SessionRequestError(`limits.${k} must be a number ≥ 0`);
    }
  }
  if (p.seed !== undefined && (!Number.isInteger(p.seed) || (p.seed as number) < 0 || (p.seed as number) > 0xffffffff)) throw new SessionRequestError('seed must be an integer 0..2^32-1');
  if (p.now !== undefined && typeof p.now !== 'number') throw new SessionRequestError('now must be a number (ms since the epoch)');
  if (p.debug !== undefined && typeof p.debug !== 'boolean') throw new SessionRequestError('debug must be a boolean');
  if (p.maxInstructions !== undefined && (!Number.isInteger(p.maxInstructions) || (p.maxInstructions as number) < 1)) throw new SessionRequestError('maxInstructions must be a positive integer');
  return p as unknown as SessionStartParams;
}

function checkId(p: unknown): string {
  if (!isObject(p) || typeof p.id !== 'string') throw new SessionRequestError('id must be a string');
  return p.id;
}

/** Answers from the renderer: each must answer a call the session is waiting on. */
function checkAnswers(s: { view: SessionView }, raw: unknown): Answer[] {
  const answers: Answer[] = [];
  if (raw === undefined) return answers;
  if (!Array.isArray(raw)) throw new SessionRequestError('answers must be an array');
  for (const a of raw as SessionAnswer[]) {
    if (!isObject(a) || !Number.isInteger(a.id)) throw new SessionRequestError('each answer needs an integer id');
    if (!(s.view.calls ?? []).some((c) => c.id === a.id)) throw new SessionRequestError(`call ${a.id} is not waiting for an answer`);
    if (a.error !== undefined && (!isObject(a.error) || typeof a.error.message !== 'string')) throw new SessionRequestError('an error answer needs a message');
    answers.push(a.error !== undefined ? { id: a.id, error: a.error } : { id: a.id, value: a.value });
  }
  return answers;
}

function errorOf(e: unknown): SessionError {
  if (e instanceof SidecarError) {
    if (e.wire) return { ...(e.wire as WireError) };
    if (e.exit) return { kind: 'Sidecar', name: 'SidecarError', message: e.exit.message, cause: e.exit.cause };
  }
  if (e instanceof SessionRequestError) return { kind: 'Request', name: 'Error', message: e.message };
  console.error('capsule: session failure', e);
  return { kind: 'Internal', name: 'Error', message: 'internal error in the session service' };
}

export class SessionService {
  private readonly pool: SidecarPool;
  private readonly sessions = new Map<string, Session>();
  /**
   * Snapshots and timeline files are signed with a key that stays with the host (this process and
   * its sidecars); hosts that keep it across restarts pass `snapshotKey`, so saved timelines reopen.
   */
  private readonly key: string;

  constructor(
    /** Where its events go (scenario runs read their console output here). */
    readonly events: EventHub,
    private readonly options: SessionServiceOptions = {},
  ) {
    this.key = options.snapshotKey || randomBytes(32).toString('base64');
    this.pool = new SidecarPool({ ...options, size: options.poolSize ?? 2, recycleAfter: options.recycleAfter ?? 50 });
    if (options.warm) this.pool.warm();
  }

  /** Open sessions (for tests and status). */
  get count(): number {
    return this.sessions.size;
  }

  /** The current view of an open session (tests and status), or null. */
  view(id: string): SessionView | null {
    return this.sessions.get(id)?.view ?? null;
  }

  async start(params: unknown): Promise<SessionView> {
    const p = checkStart(params);
    return this.open(p, undefined);
  }

  /** `key`: the host's own callers (timelines) may restore snapshots signed with another key. */
  async restore(params: unknown, options: { key?: string } = {}): Promise<SessionView> {
    const p = checkStart(params);
    const snap = (params as { snapshot?: unknown }).snapshot;
    if (typeof snap !== 'string') throw new SessionRequestError('snapshot must be a base64 string');
    return this.open(p, new Uint8Array(Buffer.from(snap, 'base64')), options.key || undefined);
  }

  private async open(p: SessionStartParams, snapshot: Uint8Array | undefined, key = this.key): Promise<SessionView> {
    let capabilities: MockCapability[] = [];
    let checks: CapabilitySet;
    try {
      if (p.mocks !== undefined) {
        capabilities = mockCapabilities(checkMocks(p.mocks, 'mocks'), 'mocks', { seed: p.seed, now: p.now === undefined ? undefined : () => p.now!, askUser: true });
      }
      checks = new CapabilitySet(capabilities);
    } catch (e) {
      throw new SessionRequestError(e instanceof Error ? e.message : String(e));
    }
    const id = `s-${randomUUID().slice(0, 8)}`;
    let sidecar: Sidecar;
    try {
      sidecar = await this.pool.acquire(id);
    } catch (e) {
      // a sidecar that fails to start (or dies starting) is a readable failure, not an internal one
      if (e instanceof SidecarError) throw new SessionRequestError(`could not start a sidecar: ${errorOf(e).message}`);
      throw e;
    }
    const session: Session = {
      id,
      debug: p.debug === true,
      sidecar,
      capabilities,
      checks,
      view: { id, status: 'running' },
      timeMs: p.limits?.timeMs ?? DEFAULT_TIME_MS,
      driving: false,
      log: new Map(),
      due: new Map(),
      wake: null,
      stopping: null,
    };
    this.sessions.set(id, session);
    sidecar.onSession(id, (e) => {
      if (e.event === 'console') this.events.emit('session.console', { id, level: e.level, text: e.text });
      else this.events.emit('session.budget', { id, budget: e.budget });
    });
    sidecar.exited.then((exit) => {
      if (this.sessions.has(id) && !['done', 'failed', 'cancelled'].includes(session.view.status)) {
        this.fail(session, { kind: 'Sidecar', name: 'SidecarError', message: exit.message, cause: exit.cause });
      }
    });
    const open: OpenParams = {
      source: p.source,
      inputs: p.inputs,
      // argument schemas are checked here, so a bad call is flagged in the call log (the
      // guest gets core's TypeError either way); result schemas stay with core as well
      capabilities: capabilities.map(({ name, description, result }) => ({
        name,
        ...(description !== undefined ? { description } : {}),
        ...(result !== undefined ? { result } : {}),
      })),
      limits: p.limits,
      seed: p.seed,
      now: p.now,
    };
    if (snapshot) {
      open.snapshot = snapshot;
      open.key = key;
    }
    // a debug session on a snapshot (a timeline node) stops where the snapshot was taken
    if (session.debug) open.debug = true;
    let first: StepResult;
    try {
      const r = (await sidecar.request('open', id, open, this.deadline(session))) as { seed: number; outcome: StepResult; budget: StepResult['budget'] };
      session.view = { ...session.view, seed: r.seed };
      first = { ...r.outcome, budget: r.budget } as StepResult;
    } catch (e) {
      this.fail(session, errorOf(e));
      return session.view;
    }
    if (session.debug) {
      // paused before the first instruction, until the user continues or steps
      session.view = { ...session.view, status: 'paused', budget: first.budget };
      // a restored state has figures of its own to show (a fresh start has none yet)
      if (snapshot && first.budget) this.events.emit('session.budget', { id, budget: first.budget });
      return session.view;
    }
    // open runs the first slice only; a pause there is the slice end, not the user's
    if (first.status === 'paused') return this.step(session, [], p.maxInstructions);
    return this.drive(session, first, p.maxInstructions);
  }

  async continue(params: unknown): Promise<SessionView> {
    const s = this.session(checkId(params));
    const p = params as { answers?: unknown; maxInstructions?: unknown };
    const answers = checkAnswers(s, p.answers);
    if (p.maxInstructions !== undefined && (!Number.isInteger(p.maxInstructions) || (p.maxInstructions as number) < 1)) {
      throw new SessionRequestError('maxInstructions must be a positive integer');
    }
    if (s.view.status !== 'paused' && s.view.status !== 'waiting') throw new SessionRequestError(`the session is ${s.view.status}`);
    if (s.debug) return (await this.debug({ id: s.id, command: 'continue', args: { answers } })).view;
    for (const a of answers) this.userAnswered(s, a);
    s.view = { ...s.view, status: 'running', calls: undefined };
    return this.step(s, answers, p.maxInstructions as number | undefined);
  }

  /**
   * A debugger command for a debug session (core/debug/debugger.ts): breakpoints,
   * stepping, inspection, time travel. Commands that run the program return its new view
   * plus the debugger's outcome; mocked capability calls met on the way are answered here.
   */
  async debug(params: unknown, options: { key?: string } = {}): Promise<{ view: SessionView; result: unknown }> {
    const s = this.session(checkId(params));
    if (!s.debug) throw new SessionRequestError('not a debug session: start it with debug: true');
    const p = params as { command?: unknown; args?: unknown };
    if (typeof p.command !== 'string' || !(DEBUG_COMMANDS as readonly string[]).includes(p.command)) {
      throw new SessionRequestError(`unknown debugger command ${JSON.stringify(p.command)}`);
    }
    if (p.args !== undefined && !isObject(p.args)) throw new SessionRequestError('args must be an object');
    const command = p.command as DebugCommand;
    let args = (p.args ?? {}) as Record<string, unknown>;
    // `heap` with { packed: true }: the graph in the bridge's compact form (core/debug/heap-graph.ts)
    if (command === 'heap' && args.packed !== undefined) {
      if (args.packed !== true) throw new SessionRequestError('packed must be true');
      const { packed: _packed, ...rest } = args;
      const out = await this.runDebug(s, command, rest, s.view, options.key || this.key);
      const graph = out.result as HeapGraph | null;
      return graph && Array.isArray(graph.nodes) ? { ...out, result: packHeapGraph(graph) } : out;
    }
    // commands that run the program make the session `running` until they stop, so a pause or
    // a cancel from the renderer reaches them and the view says what the program is doing
    const runs = (RUN_COMMANDS as readonly string[]).includes(command);
    const before = s.view;
    if (runs) {
      // (profiling and timeline runs answer their own calls, not the ones this view waits on)
      const answers = args.answers === undefined ? undefined : checkAnswers(s, args.answers);
      if (s.view.status !== 'paused' && s.view.status !== 'waiting') throw new SessionRequestError(`the session is ${s.view.status}`);
      if (answers) {
        args = { ...args, answers };
        for (const a of answers) this.userAnswered(s, a);
      }
      s.view = { ...s.view, status: 'running', calls: undefined };
      s.driving = true;
    }
    try {
      return await this.runDebug(s, command, args, before, options.key || this.key);
    } finally {
      if (runs) s.driving = false;
    }
  }

  private async runDebug(s: Session, command: DebugCommand, args: Record<string, unknown>, before: SessionView, key: string): Promise<{ view: SessionView; result: unknown }> {
    // the renderer's transports carry JSON: timeline files travel as base64
    if (command === 'timeline' && typeof args.bytes === 'string') args = { ...args, bytes: new Uint8Array(Buffer.from(args.bytes, 'base64')) };
    // timeline snapshots are signed with a host key (the renderer never picks it), so debug sessions can open them
    if (command === 'timeline') args = { ...args, key };
    let result: unknown;
    try {
      result = await s.sidecar.request('debug', s.id, { command, args }, this.deadline(s));
      if (isObject(result) && result.bytes instanceof Uint8Array) result = { bytes: Buffer.from(result.bytes).toString('base64') };
    } catch (e) {
      const err = errorOf(e);
      // inspection that fails (a watch naming nothing, an object gone) leaves the program as it
      // was; only a run, or the sidecar going away, ends the session
      // (a timeline keeps a failed run in its nodes: what escapes is a refusal — a corrupt file, a wrong node)
      const runs = (RUN_COMMANDS as readonly string[]).includes(command) || command === 'profile';
      if (err.kind === 'Protocol' || err.kind === 'Capability' || (!runs && err.kind !== 'Sidecar' && err.kind !== 'Internal')) {
        // refused (e.g. step back without time travel): the program did not move
        if (s.view.status === 'running') s.view = before;
        throw new SessionRequestError(err.message);
      }
      this.fail(s, err);
      return { view: s.view, result: null };
    }
    // outcomes of commands that ran the program: answer mocks, update the view
    for (let guard = 0; isObject(result) && typeof result.status === 'string' && guard < 10_000; guard++) {
      const r = result as { status: string; calls?: SessionCall[]; value?: unknown; instructions?: number; budget?: SessionView['budget'] };
      s.view = { ...s.view, budget: r.budget ?? s.view.budget };
      if (r.budget && command !== 'profile' && command !== 'timeline') this.events.emit('session.budget', { id: s.id, budget: r.budget });
      if (command === 'profile' || command === 'timeline') {
        if (r.status !== 'suspended') break;
      } else if (r.status === 'completed') {
        s.view = { ...s.view, status: 'done', value: r.value, calls: undefined };
        this.events.emit('session.done', { id: s.id, value: r.value, instructions: r.instructions ?? 0 });
        break;
      }
      if (r.status === 'paused') {
        s.view = { ...s.view, status: 'paused', calls: undefined };
        break;
      }
      if (r.status !== 'suspended') break;
      const { answers, ask } = await this.answerCalls(s, r.calls ?? []);
      if (s.stopping === 'close') return { view: s.view, result: null };
      if (!answers.length && !s.stopping) {
        s.view = { ...s.view, status: 'waiting', calls: ask };
        break;
      }
      try {
        // a profiling run continues with `profile`; everything else with the debugger's continue
        const next = command === 'profile' ? { command: 'profile', args: { action: 'continue', answers } } : { command: 'continue', args: { answers } };
        result = await s.sidecar.request('debug', s.id, next, this.deadline(s));
      } catch (e) {
        this.fail(s, errorOf(e));
        return { view: s.view, result: null };
      }
    }
    return { view: s.view, result };
  }

  async pause(params: unknown): Promise<null> {
    const s = this.session(checkId(params));
    if (s.view.status === 'running') await s.sidecar.request('pause', s.id).catch(() => {});
    return null;
  }

  async cancel(params: unknown): Promise<null> {
    const s = this.session(checkId(params));
    s.stopping ??= 'cancel';
    s.wake?.();
    await s.sidecar.request('cancel', s.id).catch(() => {});
    if (!s.driving && !['done', 'failed'].includes(s.view.status)) {
      s.view = { ...s.view, status: 'cancelled', calls: undefined };
      this.events.emit('session.error', { id: s.id, error: { kind: 'Limit', name: 'LimitError', message: 'the run was cancelled', limit: 'cancelled' } });
    }
    return null;
  }

  async snapshot(params: unknown): Promise<{ snapshot: string; bytes: number }> {
    const s = this.session(checkId(params));
    if (s.view.status !== 'paused' && s.view.status !== 'waiting') throw new SessionRequestError(`a snapshot needs a paused or waiting session (it is ${s.view.status})`);
    const r = (await s.sidecar.request('snapshot', s.id, { key: this.key })) as { bytes: Uint8Array };
    return { snapshot: Buffer.from(r.bytes).toString('base64'), bytes: r.bytes.length };
  }

  async close(params: unknown): Promise<null> {
    const s = this.session(checkId(params));
    s.stopping = 'close';
    s.wake?.();
    this.sessions.delete(s.id);
    await s.sidecar.request('close', s.id).catch(() => {});
    this.pool.release(s.sidecar, s.id);
    return null;
  }

  /** Closes every session and sidecar. */
  async dispose(): Promise<void> {
    for (const s of this.sessions.values()) {
      s.stopping = 'close';
      s.wake?.();
    }
    this.sessions.clear();
    await this.pool.close();
  }

  private session(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw new SessionRequestError(`no session ${id}`);
    return s;
  }

  private deadline(s: Session): number {
    if (this.options.watchdogMs !== undefined) return this.options.watchdogMs;
    const t = Number.isFinite(s.timeMs) ? s.timeMs : DEFAULT_TIME_MS;
    return t + (this.options.watchdogGraceMs ?? 2000);
  }

  private async step(s: Session, answers: Answer[], maxInstructions: number | undefined): Promise<SessionView> {
    let r: StepResult;
    try {
      r = (await s.sidecar.request('step', s.id, { answers, ...(maxInstructions ? { maxInstructions } : {}) }, this.deadline(s))) as StepResult;
    } catch (e) {
      this.fail(s, errorOf(e));
      return s.view;
    }
    return this.drive(s, r, maxInstructions);
  }

  /** Answers mocked calls and continues until the user is needed, a pause, or the end. */
  private async drive(s: Session, r: StepResult, maxInstructions: number | undefined): Promise<SessionView> {
    s.driving = true;
    try {
      for (;;) {
        // views handed out earlier are never mutated: each change makes a new object
        s.view = { ...s.view, budget: r.budget };
        // every step's end is a sample for the budget view (before its suspension/done event)
        if (r.budget) this.events.emit('session.budget', { id: s.id, budget: r.budget });
        if (r.status === 'completed') {
          s.view = { ...s.view, status: 'done', value: r.value, calls: undefined };
          this.events.emit('session.done', { id: s.id, value: r.value, instructions: r.instructions });
          return s.view;
        }
        if (r.status === 'paused') {
          s.view = { ...s.view, status: 'paused' };
          return s.view;
        }
        const { answers, ask } = await this.answerCalls(s, r.calls);
        if (s.stopping === 'close') return s.view;
        // after a cancel the sidecar's next step fails with 'cancelled', which ends the session
        if (!answers.length && !s.stopping) {
          s.view = { ...s.view, status: 'waiting', calls: ask };
          return s.view;
        }
        try {
          r = (await s.sidecar.request('step', s.id, { answers, ...(maxInstructions ? { maxInstructions } : {}) }, this.deadline(s))) as StepResult;
        } catch (e) {
          this.fail(s, errorOf(e));
          return s.view;
        }
      }
    } finally {
      s.driving = false;
    }
  }

  /**
   * Logs calls seen for the first time and works out their answers: arguments that break
   * the `args` schema fail at once (core's TypeError), mocks answer here (the answer is
   * computed at the call and delivered after the mock's latency), the rest wait for the user.
   * Emits the suspension, then waits — without blocking other sessions — until at least one
   * mock answer is due, and returns the due answers and the calls waiting for the user.
   */
  private async answerCalls(s: Session, calls: SessionCall[]): Promise<{ answers: Answer[]; ask: SessionCall[] }> {
    const now = Date.now();
    for (const call of calls) {
      // an answered call pending again is a replay (the debugger went back in time): a new call
      if (s.log.get(call.id)?.state !== 'pending') this.record(s, call, now);
    }
    const ask = calls.filter((c) => s.log.get(c.id)!.answeredBy === 'user');
    this.events.emit('session.suspended', {
      id: s.id,
      calls: calls.map((c) => {
        const rec = s.log.get(c.id)!;
        const bad = rec.answeredBy === 'schema' ? rec.problems : undefined;
        return { ...c, answeredBy: rec.answeredBy, ...(bad ? { problems: bad } : {}) };
      }),
    });
    const waiting = calls.filter((c) => s.due.has(c.id));
    if (!waiting.length) return { answers: [], ask };
    const first = Math.min(...waiting.map((c) => s.due.get(c.id)!.at));
    if (first > Date.now() && !s.stopping) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, first - Date.now());
        s.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      s.wake = null;
    }
    if (s.stopping) return { answers: [], ask };
    const t = Math.max(Date.now(), first);
    const answers: Answer[] = [];
    for (const c of waiting) {
      const d = s.due.get(c.id)!;
      if (d.at > t) continue;
      s.due.delete(c.id);
      answers.push(d.answer);
      this.answered(s, c.id, d.answer, Date.now());
    }
    return { answers, ask };
  }

  /** A call seen for the first time: checks its arguments, runs its mock, logs it. */
  private record(s: Session, call: SessionCall, now: number): void {
    const cap = s.capabilities.find((c) => c.name === call.capability);
    const rec: CallRecord = { id: call.id, capability: call.capability, args: call.args, answeredBy: 'user', state: 'pending', startedAt: now };
    if (cap?.latencyMs !== undefined && cap.handler) rec.latencyMs = cap.latencyMs;
    if (typeof cap?.ask === 'string') rec.prompt = cap.ask;
    s.log.set(call.id, rec);
    const bad = s.checks.checkArgs(call.capability, call.args);
    if (bad) {
      const message = `${call.capability}(): ${bad}`;
      rec.answeredBy = 'schema';
      rec.problems = [message];
      s.due.set(call.id, { answer: { id: call.id, error: { name: 'TypeError', message } }, at: now });
    } else if (cap?.handler) {
      rec.answeredBy = 'mock';
      let answer: Answer;
      try {
        answer = { id: call.id, value: cap.handler(...call.args) };
      } catch (e) {
        // a mock's deliberate failure (CapabilityFailure) keeps its name; anything else is an Error
        const err = e as { failureName?: string; message?: string };
        answer = { id: call.id, error: { name: err.failureName ?? 'Error', message: err.message ?? String(e) } };
      }
      s.due.set(call.id, { answer, at: now + (cap.latencyMs ?? 0) });
    }
    this.events.emit('session.call', { id: s.id, call: { ...rec } });
  }

  /** The user's answer to a waiting call: logged with its schema check (core turns a bad result into a TypeError). */
  private userAnswered(s: Session, a: Answer): void {
    if (!s.log.has(a.id)) {
      const call = s.view.calls?.find((c) => c.id === a.id);
      if (!call) return;
      // a restored session: calls that were waiting before the snapshot
      s.log.set(a.id, { id: a.id, capability: call.capability, args: call.args, answeredBy: 'user', state: 'pending', startedAt: Date.now() });
    }
    this.answered(s, a.id, a, Date.now());
  }

  /** Marks a logged call answered, checks a value against the result schema, emits the log entry. */
  private answered(s: Session, id: number, a: Answer, at: number): void {
    const rec = s.log.get(id);
    if (!rec) return;
    rec.state = 'answered';
    rec.answeredAt = at;
    if ('error' in a) {
      const e = a.error as { name?: unknown; message?: unknown };
      rec.answer = { error: { name: typeof e.name === 'string' && e.name ? e.name : 'Error', message: typeof e.message === 'string' ? e.message : String(a.error) } };
    } else {
      rec.answer = { value: a.value };
      const bad = s.checks.checkResult(rec.capability, a.value);
      if (bad) rec.problems = [...(rec.problems ?? []), `${rec.capability}(): ${bad}`];
    }
    this.events.emit('session.call', { id: s.id, call: { ...rec } });
  }

  private fail(s: Session, error: SessionError): void {
    if (s.view.status === 'failed' || s.view.status === 'cancelled') return;
    const cancelled = error.kind === 'Limit' && error.limit === 'cancelled';
    s.view = { ...s.view, status: cancelled ? 'cancelled' : 'failed', error, calls: undefined };
    this.events.emit('session.error', { id: s.id, error });
  }
}
