/**
 * The sidecar process: hosts core sessions for a parent process. Started with Electron's
 * `utilityProcess.fork` (messages on `process.parentPort`) or Node's `child_process.fork`
 * (messages on `process.send`, advanced serialization); the protocol is the same
 * (./protocol.ts). Steps run in slices and yield to the event loop between them, so
 * pause/cancel requests and heartbeats get through while a session computes; a process
 * that stops sending heartbeats is killed by the parent's watchdog.
 */
import {
  CapsuleError,
  CORE_VERSION,
  LimitError,
  ParseError,
  RuntimeError,
  start,
  ValidationError,
  type Execution,
  type Outcome,
  type StartOptions,
} from '../../index';
import { compile } from '../../program';
import { restore, snapshot } from '../../snapshot/index';
import { Debugger, type DebugOutcome } from '../../debug/debugger';
import { heapGraph } from '../../debug/heap';
import { budgetOf, Profiler } from '../../debug/profile';
import { Timeline } from '../../debug/timeline';
import { randomBytes } from 'node:crypto';
import type { Answer } from '../../capabilities';
import { checkRequest, PROTOCOL_VERSION, type DebugCommand, type OpenParams, type Request, type SidecarMessage, type StepParams, type WireError } from './protocol';

/** Instructions per slice between yields to the event loop. */
const SLICE = 100_000;
const HEARTBEAT_MS = Number(process.env.CAPSULE_SIDECAR_HEARTBEAT_MS) || 200;

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function send(m: SidecarMessage): void {
  if (parentPort) parentPort.postMessage(m);
  else process.send?.(m);
}

function onMessage(listener: (m: unknown) => void): void {
  if (parentPort) parentPort.on('message', (e) => listener(e.data));
  else process.on('message', listener);
}

class Session {
  exec: Execution | null = null;
  /** How the session was opened (for profiling and timeline runs of the same program). */
  options: StartOptions = {};
  profiler: Profiler | null = null;
  timeline: Timeline | null = null;
  source = '';
  /** Timeline snapshots are signed with a key that stays in this process (and its saved files with it). */
  readonly timelineKey = randomBytes(32).toString('base64');
  /** Debug sessions: the debugger driving `exec`. */
  debugger: Debugger | null = null;
  running = false;
  pauseRequested = false;
  cancelRequested = false;
  constructor(readonly id: string) {}
}

const sessions = new Map<string, Session>();

function wireError(e: unknown): WireError {
  if (e instanceof ParseError) {
    const d = e.diagnostic;
    return { kind: 'Parse', name: e.name, message: e.message, diagnostics: [{ code: d.code, message: d.message, line: d.span.line, column: d.span.column, endLine: d.span.endLine, endColumn: d.span.endColumn }] };
  }
  if (e instanceof ValidationError) {
    return {
      kind: 'Validation',
      name: e.name,
      message: e.message,
      diagnostics: e.diagnostics.map((d) => ({ code: d.code, message: d.message, line: d.span.line, column: d.span.column, endLine: d.span.endLine, endColumn: d.span.endColumn })),
    };
  }
  if (e instanceof RuntimeError) return { kind: 'Runtime', name: e.guestName || 'Error', message: e.guestMessage, stack: e.guestStack };
  if (e instanceof LimitError) return { kind: 'Limit', name: e.name, message: e.message, limit: e.limit, limitValue: e.value, reached: e.reached, ...(e.location ? { location: e.location } : {}) };
  if (e instanceof CapsuleError) return { kind: e.kind, name: e.name, message: e.message };
  // our own bug: report that it happened, not host details
  process.stderr.write(`capsule sidecar: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return { kind: 'Internal', name: 'InternalError', message: 'internal error in the sidecar' };
}


function session(id: string): Session {
  const s = sessions.get(id);
  if (!s) throw new ProtocolError(`no session ${id}`);
  return s;
}

class ProtocolError extends Error {}

function open(id: string, p: OpenParams): unknown {
  if (sessions.has(id)) throw new ProtocolError(`session ${id} is already open`);
  const s = new Session(id);
  const fixedNow = p.now;
  const options = {
    inputs: p.inputs,
    capabilities: p.capabilities,
    limits: p.limits,
    seed: p.seed,
    now: fixedNow === undefined ? undefined : () => fixedNow,
    onConsole: (level: string, text: string) => send({ v: 1, type: 'event', session: id, event: 'console', level, text }),
    sliceInstructions: SLICE,
  };
  const capNames = (p.capabilities ?? []).map((c) => c.name);
  s.options = { inputs: p.inputs, capabilities: p.capabilities, limits: p.limits, seed: p.seed, now: options.now };
  s.source = p.source;
  if (p.snapshot) {
    if (!p.key) throw new ProtocolError('a snapshot needs its key');
    const program = compile(p.source, { globals: [...Object.keys(p.inputs ?? {}), ...capNames], capabilities: capNames });
    s.exec = restore(program, p.snapshot, { ...options, key: p.key });
    if (p.debug) {
      // a debug session on a restored state (a timeline node): stopped where the snapshot was taken
      s.debugger = new Debugger(s.exec);
      s.debugger.pauseOnDebuggerStatements = true;
      s.debugger.onLog = (text) => send({ v: 1, type: 'event', session: id, event: 'console', level: 'log', text });
    }
  } else if (p.debug) {
    // paused before the first instruction; `debug` requests drive it
    s.exec = start(p.source, { ...options, startPaused: true });
    s.debugger = new Debugger(s.exec);
    s.debugger.pauseOnDebuggerStatements = true;
    s.debugger.onLog = (text) => send({ v: 1, type: 'event', session: id, event: 'console', level: 'log', text });
  } else {
    // open runs the first slice (its outcome is reported by the first step); started paused
    // and resumed here so that a run failing at once still has figures to report
    const exec = start(p.source, { ...options, startPaused: true });
    try {
      exec.resume([], { sliceInstructions: SLICE });
    } catch (e) {
      sendBudget(id, exec);
      throw e;
    }
    s.exec = exec;
  }
  sessions.set(id, s);
  return { seed: s.exec.seed, outcome: s.exec.outcome, budget: budgetOf(s.exec) };
}

/** A budget event with the figures of `exec` now (the view draws its gauges from these). */
function sendBudget(id: string, exec: Execution): void {
  send({ v: 1, type: 'event', session: id, event: 'budget', budget: budgetOf(exec) });
}

async function step(s: Session, p: StepParams): Promise<unknown> {
  const exec = s.exec!;
  if (s.running) throw new ProtocolError(`session ${s.id} is already running`);
  s.running = true;
  s.pauseRequested = false;
  try {
    let answers = p.answers ?? [];
    const stopAt = p.maxInstructions ? exec.vm.instructions + p.maxInstructions : Infinity;
    // the outcome of open() (or the last step) when it was a slice end: continue from it
    for (;;) {
      const slice = Math.max(1, Math.min(SLICE, stopAt - exec.vm.instructions));
      let out: Outcome;
      try {
        if (exec.finished) out = exec.outcome;
        else out = exec.resume(answers, { sliceInstructions: slice });
      } catch (e) {
        // a run stopped by an error or a limit: its figures at that point, then the error
        sendBudget(s.id, exec);
        throw e;
      }
      answers = [];
      if (out.status !== 'paused' || exec.vm.instructions >= stopAt || s.pauseRequested) {
        return { ...out, budget: budgetOf(exec) };
      }
      sendBudget(s.id, exec);
      // let pause/cancel requests and heartbeats in
      await new Promise((r) => setImmediate(r));
      if (s.pauseRequested) return { status: 'paused', instructions: exec.vm.instructions, budget: budgetOf(exec) };
    }
  } finally {
    s.running = false;
  }
}

async function handle(r: Request): Promise<unknown> {
  switch (r.op) {
    case 'ping': {
      // what the parent can check about the limits this process runs under
      const permission = (process as unknown as { permission?: { has(scope: string): boolean } }).permission;
      return {
        pid: process.pid,
        sessions: sessions.size,
        execArgv: process.execArgv,
        fsWrite: permission ? permission.has('fs.write') : null,
        childProcess: permission ? permission.has('child') : null,
        env: Object.keys(process.env).sort(),
      };
    }
    case 'open':
      return open(r.session, r.params);
    case 'step':
      return step(session(r.session), r.params);
    case 'pause':
      session(r.session).pauseRequested = true;
      return null;
    case 'cancel': {
      const s = session(r.session);
      s.exec?.cancel();
      // after a step back the debugger runs a restored execution: cancel that one too
      s.debugger?.exec.cancel();
      s.cancelRequested = true;
      s.pauseRequested = true;
      return null;
    }
    case 'close':
      sessions.delete(r.session);
      return null;
    case 'debug': {
      const s = session(r.session);
      try {
        return await debugCommand(s, r.params.command, r.params.args ?? {});
      } catch (e) {
        // a run the debugger drove into an error or a limit: its figures at that point
        if (s.debugger?.exec.finished) sendBudget(s.id, s.debugger.exec);
        throw e;
      }
    }
    case 'snapshot': {
      const s = session(r.session);
      if (s.running) throw new ProtocolError('pause the session before taking a snapshot');
      return { bytes: snapshot(s.debugger?.exec ?? s.exec!, r.params.key) };
    }
  }
}

function num(args: Record<string, unknown>, key: string, fallback?: number): number {
  const v = args[key];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ProtocolError(`${key} must be a number`);
  return v;
}

function answersOf(args: Record<string, unknown>): Answer[] {
  const a = args.answers;
  if (a === undefined) return [];
  if (!Array.isArray(a) || !a.every((x) => x !== null && typeof x === 'object' && Number.isInteger((x as Answer).id))) {
    throw new ProtocolError('answers must be a list of {id, value} or {id, error}');
  }
  return a as Answer[];
}

/** Runs one debugger command; long continues run in slices so pause and heartbeats get through. */
async function debugCommand(s: Session, command: DebugCommand, args: Record<string, unknown>): Promise<unknown> {
  const d = s.debugger;
  if (!d) throw new ProtocolError(`session ${s.id} is not a debug session (open it with debug: true)`);
  if (s.running) throw new ProtocolError(`session ${s.id} is already running`);
  const withBudget = (o: DebugOutcome) => ({ ...o, budget: budgetOf(d.exec) });
  switch (command) {
    case 'setBreakpoint':
      return d.setBreakpoint({
        line: num(args, 'line'),
        ...(args.column !== undefined ? { column: num(args, 'column') } : {}),
        ...(typeof args.condition === 'string' ? { condition: args.condition } : {}),
        ...(args.hitCount !== undefined ? { hitCount: num(args, 'hitCount') } : {}),
        ...(typeof args.logMessage === 'string' ? { logMessage: args.logMessage } : {}),
      });
    case 'setInstructionBreakpoint':
      return d.setInstructionBreakpoint(num(args, 'functionIndex'), num(args, 'pc'));
    case 'removeBreakpoint':
      d.removeBreakpoint(num(args, 'id'));
      return null;
    case 'setExceptionBreak': {
      const mode = args.mode;
      if (mode !== 'none' && mode !== 'uncaught' && mode !== 'all') throw new ProtocolError('mode must be none, uncaught or all');
      d.breakOnExceptions = mode;
      return null;
    }
    case 'setCapabilityBreak': {
      const on = args.on;
      if (typeof on !== 'boolean' && !(Array.isArray(on) && on.every((x) => typeof x === 'string'))) throw new ProtocolError('on must be a boolean or a list of names');
      d.breakOnCapability = on as boolean | string[];
      return null;
    }
    case 'setResumeBreak':
      d.breakOnResume = args.on === true;
      return null;
    case 'continue': {
      s.running = true;
      s.pauseRequested = false;
      try {
        let o = d.continue(answersOf(args), { maxInstructions: SLICE });
        while (o.status === 'paused' && o.reason === 'pause' && !s.pauseRequested) {
          sendBudget(s.id, d.exec);
          await new Promise((r) => setImmediate(r));
          // a cancel lets the next slice throw the LimitError('cancelled') the host reports
          if (s.pauseRequested && !s.cancelRequested) break;
          o = d.continue([], { maxInstructions: SLICE });
        }
        return withBudget(o);
      } finally {
        s.running = false;
      }
    }
    case 'stepInto':
      return withBudget(d.stepInto(answersOf(args)));
    case 'stepOver':
      return withBudget(d.stepOver(answersOf(args)));
    case 'stepOut':
      return withBudget(d.stepOut(answersOf(args)));
    case 'stepInstruction':
      return withBudget(d.stepInstruction(answersOf(args)));
    case 'runTo':
      return withBudget(d.runTo(num(args, 'line'), args.column === undefined ? undefined : num(args, 'column')));
    case 'enableTimeTravel':
      d.enableTimeTravel({ checkpointEvery: num(args, 'checkpointEvery', 200_000), maxCheckpoints: num(args, 'maxCheckpoints', 64) });
      return null;
    case 'stepBack':
      return withBudget(d.stepBack());
    case 'stepBackInstruction':
      return withBudget(d.stepBackInstruction());
    case 'reverseContinue':
      return withBudget(d.reverseContinue());
    case 'jumpTo':
      return withBudget(d.jumpTo(num(args, 'instructions')));
    case 'stackTrace':
      return d.callStack();
    case 'scopes':
      return d.scopes(num(args, 'frame', 0));
    case 'properties':
      return d.properties(num(args, 'objectId'));
    case 'operandStack':
      return d.operandStack(num(args, 'frame', 0));
    case 'currentInstruction':
      return d.currentInstruction(num(args, 'frame', 0));
    case 'disassemble':
      return d.disassembly(args.functionIndex === undefined ? undefined : num(args, 'functionIndex'));
    case 'evaluate':
      if (typeof args.expression !== 'string') throw new ProtocolError('expression must be a string');
      return d.evaluate(args.expression, num(args, 'frame', 0));
    case 'heap':
      return heapGraph(d.exec.vm);
    case 'profile': {
      // a separate profiling run of the same program, stopping at suspensions for answers
      if (args.action === 'start') {
        const program = compile(s.source, { globals: [...Object.keys(s.options.inputs ?? {}), ...capNamesOf(s)], capabilities: capNamesOf(s) });
        s.profiler = new Profiler(start(program, { ...s.options, startPaused: true }), { sampleEvery: num(args, 'sampleEvery', 10_000) });
      } else if (args.action !== 'continue') throw new ProtocolError('profile action must be start or continue');
      if (!s.profiler) throw new ProtocolError('no profiling run: start one first');
      // in slices of wall-clock time, so heartbeats get through a long run
      const profiler = s.profiler;
      s.running = true;
      try {
        let r = profiler.run(answersOf(args), { deadline: Date.now() + PROFILE_SLICE_MS });
        while (r.status === 'running') {
          await new Promise((done) => setImmediate(done));
          r = profiler.run([], { deadline: Date.now() + PROFILE_SLICE_MS });
        }
        if (r.status === 'completed') s.profiler = null;
        return r;
      } finally {
        s.running = false;
      }
    }
    case 'timeline': {
      // the host may sign with its own key, so files it saves load in later sessions
      const key = typeof args.key === 'string' && args.key ? args.key : s.timelineKey;
      const program = () => compile(s.source, { globals: [...Object.keys(s.options.inputs ?? {}), ...capNamesOf(s)], capabilities: capNamesOf(s) });
      const strip = (t: Timeline) => t.nodes.map(({ snapshot: _s, ...n }) => ({ ...n, hasSnapshot: _s !== null }));
      switch (args.action) {
        case 'start':
          s.timeline = Timeline.start(program(), s.options, key);
          return strip(s.timeline);
        case 'answer':
          if (!s.timeline) throw new ProtocolError('no timeline: start one first');
          s.timeline.answer(num(args, 'node'), answersOf(args));
          return strip(s.timeline);
        case 'nodes':
          if (!s.timeline) throw new ProtocolError('no timeline: start one first');
          return strip(s.timeline);
        case 'save':
          if (!s.timeline) throw new ProtocolError('no timeline: start one first');
          return { bytes: s.timeline.save() };
        case 'load':
          if (!(args.bytes instanceof Uint8Array)) throw new ProtocolError('bytes must be a Uint8Array');
          s.timeline = Timeline.load(args.bytes, program(), s.options, key);
          return strip(s.timeline);
        case 'snapshot': {
          // a node's state, for the host to open a debug session on it
          if (!s.timeline) throw new ProtocolError('no timeline: start one first');
          const n = s.timeline.node(num(args, 'node'));
          if (!n.snapshot) throw new ProtocolError(`node ${n.id} has no state to restore (the run ${n.status === 'completed' ? 'completed' : 'failed'} there)`);
          return { bytes: n.snapshot };
        }
        case 'inspect': {
          // what the compare view shows of a node: its awaiting frames' variables and its heap
          if (!s.timeline) throw new ProtocolError('no timeline: start one first');
          const n = s.timeline.node(num(args, 'node'));
          if (!n.snapshot) return { stack: [], scopes: [], heap: null };
          const exec = restore(program(), n.snapshot, { ...s.options, key });
          const dbg = new Debugger(exec);
          const stack = dbg.callStack();
          const top = stack.find((f) => !f.builtin);
          return { stack, scopes: top ? dbg.scopes(top.index) : [], heap: heapGraph(exec.vm) };
        }
        default:
          throw new ProtocolError('timeline action must be start, answer, nodes, save, load, snapshot or inspect');
      }
    }
  }
}

/** Wall-clock time a profiling run goes on before it lets heartbeats and requests in. */
const PROFILE_SLICE_MS = 50;

function capNamesOf(s: Session): string[] {
  return (s.options.capabilities as { name: string }[] | undefined)?.map((c) => c.name) ?? [];
}

onMessage((m) => {
  const bad = checkRequest(m);
  if (bad) {
    // rejected and logged, never executed; answer when the message has a usable id
    process.stderr.write(`capsule sidecar: rejected message: ${bad}\n`);
    const id = (m as { id?: unknown } | null)?.id;
    if (Number.isInteger(id) && (id as number) >= 0) {
      send({ v: 1, type: 'response', id: id as number, ok: false, error: { kind: 'Protocol', name: 'ProtocolError', message: bad } });
    }
    return;
  }
  const r = m as Request;
  handle(r).then(
    (result) => send({ v: 1, type: 'response', id: r.id, ok: true, result: result ?? null }),
    (e) =>
      send({
        v: 1,
        type: 'response',
        id: r.id,
        ok: false,
        error: e instanceof ProtocolError ? { kind: 'Protocol', name: 'ProtocolError', message: e.message } : wireError(e),
      }),
  );
});

setInterval(() => send({ v: 1, type: 'heartbeat', t: Date.now() }), HEARTBEAT_MS);
send({ v: 1, type: 'ready', pid: process.pid, coreVersion: CORE_VERSION, protocol: PROTOCOL_VERSION });
// Warm up while idle: the shared realm, the parser, compiler and schema checks are built on first
// use; doing that now keeps the first session's open short (its open is one synchronous request,
// during which no heartbeat goes out).
setImmediate(() => {
  if (sessions.size) return;
  try {
    start('const x = await f({ a: 1 });\nx', { capabilities: [{ name: 'f', args: { type: 'array' }, result: { type: 'object' } }], startPaused: true });
  } catch {
    // a warm-up failure changes nothing: the first session builds what it needs
  }
});
// the parent going away ends the sidecar (IPC channel closed)
if (!parentPort) process.on('disconnect', () => process.exit(0));
