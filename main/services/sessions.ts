/**
 * The session service: runs the renderer's programs in sidecars (never in this process),
 * answers mocked capability calls here from the mock definitions, forwards calls to
 * capabilities without a mock to the renderer ("ask me") and waits for the user's
 * answer, and streams console output, budgets, suspensions and outcomes as events.
 * Electron-free: the Electron shell, browser mode and tests run the same code.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Answer, Capability } from '../../core/index';
import { checkMocks, mockCapabilities } from '../../core/cli/mocks';
import { SidecarError, type Sidecar, type SidecarOptions } from '../../core/host/sidecar/client';
import { SidecarPool } from '../../core/host/sidecar/pool';
import { DEBUG_COMMANDS, type DebugCommand, type OpenParams, type StepResult, type WireError } from '../../core/host/sidecar/protocol';
import type { SessionAnswer, SessionCall, SessionError, SessionStartParams, SessionView } from '../../preload/api';
import type { EventHub } from './events';

export interface SessionServiceOptions extends SidecarOptions {
  /** Sidecar pool size (default 2). */
  poolSize?: number;
  recycleAfter?: number;
  /** Hard wall-clock stop per step beyond the session's own time limit (default 2000 ms). */
  watchdogGraceMs?: number;
  /** Overrides the hard wall-clock stop of a step entirely (tests). */
  watchdogMs?: number;
}

/** Thrown for requests the renderer got wrong; the message goes back to the renderer. */
export class SessionRequestError extends Error {}

interface Session {
  id: string;
  /** Debug sessions start paused and are driven by `debug` commands. */
  debug: boolean;
  sidecar: Sidecar;
  capabilities: Capability[];
  view: SessionView;
  timeMs: number;
  driving: boolean;
}

const DEFAULT_TIME_MS = 30_000;

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
  /** Snapshots are signed with a key that never leaves this process. */
  private readonly key = randomBytes(32).toString('base64');

  constructor(
    private readonly events: EventHub,
    private readonly options: SessionServiceOptions = {},
  ) {
    this.pool = new SidecarPool({ ...options, size: options.poolSize ?? 2, recycleAfter: options.recycleAfter ?? 50 });
  }

  /** Open sessions (for tests and status). */
  get count(): number {
    return this.sessions.size;
  }

  async start(params: unknown): Promise<SessionView> {
    const p = checkStart(params);
    return this.open(p, undefined);
  }

  async restore(params: unknown): Promise<SessionView> {
    const p = checkStart(params);
    const snap = (params as { snapshot?: unknown }).snapshot;
    if (typeof snap !== 'string') throw new SessionRequestError('snapshot must be a base64 string');
    return this.open(p, new Uint8Array(Buffer.from(snap, 'base64')));
  }

  private async open(p: SessionStartParams, snapshot: Uint8Array | undefined): Promise<SessionView> {
    let capabilities: Capability[] = [];
    if (p.mocks !== undefined) {
      try {
        capabilities = mockCapabilities(checkMocks(p.mocks, 'mocks'), 'mocks', { seed: p.seed, now: p.now === undefined ? undefined : () => p.now! });
      } catch (e) {
        throw new SessionRequestError(e instanceof Error ? e.message : String(e));
      }
    }
    const id = `s-${randomUUID().slice(0, 8)}`;
    const sidecar = await this.pool.acquire(id);
    const session: Session = {
      id,
      debug: p.debug === true,
      sidecar,
      capabilities,
      view: { id, status: 'running' },
      timeMs: p.limits?.timeMs ?? DEFAULT_TIME_MS,
      driving: false,
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
      capabilities: capabilities.map(({ handler: _h, ...decl }) => decl),
      limits: p.limits,
      seed: p.seed,
      now: p.now,
    };
    if (snapshot) {
      open.snapshot = snapshot;
      open.key = this.key;
    } else if (session.debug) open.debug = true;
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
      return session.view;
    }
    // open runs the first slice only; a pause there is the slice end, not the user's
    if (first.status === 'paused') return this.step(session, [], p.maxInstructions);
    return this.drive(session, first, p.maxInstructions);
  }

  async continue(params: unknown): Promise<SessionView> {
    const s = this.session(checkId(params));
    const p = params as { answers?: unknown; maxInstructions?: unknown };
    const answers: Answer[] = [];
    if (p.answers !== undefined) {
      if (!Array.isArray(p.answers)) throw new SessionRequestError('answers must be an array');
      for (const a of p.answers as SessionAnswer[]) {
        if (!isObject(a) || !Number.isInteger(a.id)) throw new SessionRequestError('each answer needs an integer id');
        if (!(s.view.calls ?? []).some((c) => c.id === a.id)) throw new SessionRequestError(`call ${a.id} is not waiting for an answer`);
        answers.push(a.error !== undefined ? { id: a.id, error: a.error } : { id: a.id, value: a.value });
      }
    }
    if (p.maxInstructions !== undefined && (!Number.isInteger(p.maxInstructions) || (p.maxInstructions as number) < 1)) {
      throw new SessionRequestError('maxInstructions must be a positive integer');
    }
    if (s.view.status !== 'paused' && s.view.status !== 'waiting') throw new SessionRequestError(`the session is ${s.view.status}`);
    if (s.debug) {
      s.view = { ...s.view, status: 'running', calls: undefined };
      return (await this.debug({ id: s.id, command: 'continue', args: { answers } })).view;
    }
    s.view = { ...s.view, status: 'running', calls: undefined };
    return this.step(s, answers, p.maxInstructions as number | undefined);
  }

  /**
   * A debugger command for a debug session (core/debug/debugger.ts): breakpoints,
   * stepping, inspection, time travel. Commands that run the program return its new view
   * plus the debugger's outcome; mocked capability calls met on the way are answered here.
   */
  async debug(params: unknown): Promise<{ view: SessionView; result: unknown }> {
    const s = this.session(checkId(params));
    if (!s.debug) throw new SessionRequestError('not a debug session: start it with debug: true');
    const p = params as { command?: unknown; args?: unknown };
    if (typeof p.command !== 'string' || !(DEBUG_COMMANDS as readonly string[]).includes(p.command)) {
      throw new SessionRequestError(`unknown debugger command ${JSON.stringify(p.command)}`);
    }
    if (p.args !== undefined && !isObject(p.args)) throw new SessionRequestError('args must be an object');
    const command = p.command as DebugCommand;
    let args = (p.args ?? {}) as Record<string, unknown>;
    // the renderer's transports carry JSON: timeline files travel as base64
    if (command === 'timeline' && typeof args.bytes === 'string') args = { ...args, bytes: new Uint8Array(Buffer.from(args.bytes, 'base64')) };
    let result: unknown;
    try {
      result = await s.sidecar.request('debug', s.id, { command, args }, this.deadline(s));
      if (isObject(result) && result.bytes instanceof Uint8Array) result = { bytes: Buffer.from(result.bytes).toString('base64') };
    } catch (e) {
      const err = errorOf(e);
      if (err.kind === 'Protocol' || err.kind === 'Capability') throw new SessionRequestError(err.message);
      this.fail(s, err);
      return { view: s.view, result: null };
    }
    // outcomes of commands that ran the program: answer mocks, update the view
    for (let guard = 0; isObject(result) && typeof result.status === 'string' && guard < 10_000; guard++) {
      const r = result as { status: string; calls?: SessionCall[]; value?: unknown; instructions?: number; budget?: SessionView['budget'] };
      s.view = { ...s.view, budget: r.budget ?? s.view.budget };
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
      const { answers, ask } = this.answerMocks(s, r.calls ?? []);
      if (!answers.length) {
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
    this.sessions.delete(s.id);
    await s.sidecar.request('close', s.id).catch(() => {});
    this.pool.release(s.sidecar, s.id);
    return null;
  }

  /** Closes every session and sidecar. */
  async dispose(): Promise<void> {
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
        if (r.status === 'completed') {
          s.view = { ...s.view, status: 'done', value: r.value, calls: undefined };
          this.events.emit('session.done', { id: s.id, value: r.value, instructions: r.instructions });
          return s.view;
        }
        if (r.status === 'paused') {
          s.view = { ...s.view, status: 'paused' };
          return s.view;
        }
        const { answers, ask } = this.answerMocks(s, r.calls);
        if (!answers.length) {
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
   * Answers the calls that have a mock (here, in main) and returns the rest for the user;
   * emits the suspension with who answers each call.
   */
  private answerMocks(s: Session, calls: SessionCall[]): { answers: Answer[]; ask: SessionCall[] } {
    const answers: Answer[] = [];
    const ask: SessionCall[] = [];
    for (const call of calls) {
      const handler = s.capabilities.find((c) => c.name === call.capability)?.handler;
      if (!handler) {
        ask.push(call);
        continue;
      }
      try {
        answers.push({ id: call.id, value: handler(...call.args) });
      } catch (e) {
        // a mock's deliberate failure (CapabilityFailure) keeps its name; anything else is an Error
        const err = e as { failureName?: string; message?: string };
        answers.push({ id: call.id, error: { name: err.failureName ?? 'Error', message: err.message ?? String(e) } });
      }
    }
    this.events.emit('session.suspended', {
      id: s.id,
      calls: calls.map((c) => ({ ...c, answeredBy: ask.includes(c) ? ('user' as const) : ('mock' as const) })),
    });
    return { answers, ask };
  }

  private fail(s: Session, error: SessionError): void {
    if (s.view.status === 'failed') return;
    const cancelled = error.kind === 'Limit' && error.limit === 'cancelled';
    s.view = { ...s.view, status: cancelled ? 'cancelled' : 'failed', error, calls: undefined };
    this.events.emit('session.error', { id: s.id, error });
  }
}
