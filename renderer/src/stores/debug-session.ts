/**
 * The debugger's state and actions, independent of where the script, its mocks and the bridge
 * come from (stores/debug.ts binds them to the workbench's stores; the tests bind them to the
 * real session service in-process).
 *
 * Run starts a debug session (`session.start { debug: true }`), records it for Step Back
 * (`enableTimeTravel`), sets the file's breakpoints and continues until a breakpoint, an
 * exception, an "ask me" capability call, or the end. Every stop refreshes the call stack,
 * the scopes of the selected frame and the watch expressions.
 */
import { reactive } from 'vue';
import type {
  CapsuleApi,
  DebugBreakpointInfo,
  DebugOutcome,
  DebugPauseReason,
  DebugScope,
  DebugStackFrame,
  DebugVariable,
  SessionAnswer,
  SessionCall,
  SessionError,
  SessionLimits,
  SessionView,
} from '../../../preload/api';

/** What the program is doing, as the toolbar, the Run view and the status bar show it. */
export type DebugStatus = 'idle' | 'running' | 'paused' | 'waiting' | 'done' | 'failed' | 'cancelled';

/** A breakpoint as the user set it (per file; survives sessions and reloads). */
export interface Breakpoint {
  /** Local id (the session's own ids change with every run). */
  id: string;
  /** 1-based line (where the running program placed it, once a session has). */
  line: number;
  enabled: boolean;
  condition?: string;
  hitCount?: number;
  logMessage?: string;
  /** Set by a session: false when the line has no code the program can stop on. */
  verified?: boolean;
  /** Why it moved or is unverified. */
  message?: string;
}

/** Where and why the program stopped. */
export interface PausedAt {
  line: number;
  column: number;
  reason: DebugPauseReason;
  /** reason 'exception': what is being thrown. */
  exception?: DebugVariable;
  instructions: number;
}

export interface Watch {
  id: number;
  expression: string;
  /** The value's preview at the last stop, or null when not evaluated (not paused). */
  value: string | null;
  error: string | null;
}

/** One line of the Debug Console. */
export interface ConsoleLine {
  /** Guest levels (log, info, warn, error, debug) and the studio's own: result, info-muted. */
  level: string;
  text: string;
}

/** Exception stops: none, uncaught only (the default, as in VS Code), or every throw. */
export type ExceptionBreakMode = 'none' | 'uncaught' | 'all';

/** A run's inputs and limits (a run configuration). */
export interface LaunchOptions {
  inputs?: Record<string, unknown>;
  limits?: SessionLimits;
  seed?: number;
  /** A fixed clock (ms since the epoch). */
  now?: number;
}

export interface DebugState {
  status: DebugStatus;
  sessionId: string | null;
  /** The file being debugged (workspace path). */
  file: string | null;
  paused: PausedAt | null;
  stack: DebugStackFrame[];
  /** Index into `stack` of the frame the Variables view and the editor show. */
  frame: number;
  scopes: DebugScope[];
  /** Why there are no scopes for the selected frame (e.g. an awaiting caller). */
  scopesNote: string | null;
  watches: Watch[];
  console: ConsoleLine[];
  /** "Ask me" calls waiting for the user (status `waiting`). */
  calls: SessionCall[];
  /** The result of a run that completed. */
  result: { value: unknown } | null;
  error: SessionError | null;
  /** Breakpoints by file. */
  breakpoints: Record<string, Breakpoint[]>;
  exceptionBreak: ExceptionBreakMode;
  /** A command is on its way to the sidecar (controls that would race it are disabled). */
  busy: boolean;
  /** The last refused command, for the user (e.g. "time travel is not enabled"). */
  notice: string | null;
  /** Instructions executed so far (from the session's budget). */
  instructions: number;
}

/** Where the debugger gets what it needs. */
export interface DebugDeps {
  /** The bridge (throws when it is not connected). */
  api(): CapsuleApi;
  /** The text to run (the editor's, unsaved edits included). */
  source(file: string): string;
  /** The mocks file (docs/MOCKS.md) for a run of `file`, or undefined. */
  mocks(file: string): unknown | Promise<unknown>;
  /** Inputs and limits of the selected run configuration. */
  launch?(file: string): LaunchOptions;
  /** Where breakpoints, watches and exception settings are kept between reloads. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Instructions between Step Back checkpoints (tests use small numbers). */
  checkpointEvery?: number;
}

const STORAGE_KEY = 'capsule.debug.v1';

export type DebugCommandName =
  | 'continue'
  | 'stepOver'
  | 'stepInto'
  | 'stepOut'
  | 'stepInstruction'
  | 'stepBack'
  | 'stepBackInstruction'
  | 'reverseContinue'
  | 'runTo';

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** An evaluation error as a watch shows it: `x is not defined` rather than the validator's text. */
export function evaluationError(e: unknown): string {
  const text = message(e);
  const unknown = /Unknown global '([^']+)'/.exec(text);
  if (unknown) return `${unknown[1]} is not defined`;
  // validator and parser messages start with `line:col CODE `
  return text.replace(/^\d+:\d+ [A-Z]+\d+:? /, '');
}

/** One line per value: strings as they are, everything else as JSON. */
export function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** True while a session exists that the user can still drive. */
export function isActive(status: DebugStatus): boolean {
  return status === 'running' || status === 'paused' || status === 'waiting';
}

/** A variable map for inline values: innermost scopes win; functions are left out (noise). */
export function inlineValueMap(scopes: readonly DebugScope[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const scope of scopes) {
    if (scope.kind === 'capabilities') continue;
    for (const v of scope.variables) if (!out.has(v.name) && v.type !== 'function' && v.type !== 'uninitialized') out.set(v.name, v.preview);
  }
  return out;
}

/** Creates the debugger's state and actions over `deps`. */
export function createDebugger(deps: DebugDeps) {
  const saved = load(deps.storage);
  const state = reactive<DebugState>({
    status: 'idle',
    sessionId: null,
    file: null,
    paused: null,
    stack: [],
    frame: 0,
    scopes: [],
    scopesNote: null,
    watches: saved.watches.map((expression, i) => ({ id: i + 1, expression, value: null, error: null })),
    console: [],
    calls: [],
    result: null,
    error: null,
    breakpoints: saved.breakpoints,
    exceptionBreak: saved.exceptionBreak,
    busy: false,
    notice: null,
    instructions: 0,
  });
  let nextWatch = state.watches.length + 1;
  let nextBreakpoint = 1;
  for (const list of Object.values(state.breakpoints)) for (const b of list) nextBreakpoint = Math.max(nextBreakpoint, Number(b.id.replace(/\D/g, '')) + 1 || 0);
  /** The session's breakpoint ids for our local ones. */
  const remote = new Map<string, number>();
  let unsubscribe: (() => void) | null = null;
  /** Bumped by every new session and every stop: answers for an older one are dropped. */
  let epoch = 0;

  function persist(): void {
    try {
      deps.storage?.setItem(
        STORAGE_KEY,
        JSON.stringify({
          breakpoints: Object.fromEntries(
            Object.entries(state.breakpoints).map(([file, list]) => [file, list.map(({ verified: _v, message: _m, ...b }) => b)]),
          ),
          watches: state.watches.map((w) => w.expression),
          exceptionBreak: state.exceptionBreak,
        }),
      );
    } catch {
      // storage full or unavailable: breakpoints still work for this page
    }
  }

  function say(level: string, text: string): void {
    state.console.push({ level, text });
  }

  function subscribe(api: CapsuleApi): void {
    if (unsubscribe) return;
    const offConsole = api.on('session.console', (e) => {
      if (e.id === state.sessionId) say(e.level, e.text);
    });
    const offBudget = api.on('session.budget', (e) => {
      if (e.id === state.sessionId) state.instructions = e.budget.instructions;
    });
    unsubscribe = () => {
      offConsole();
      offBudget();
    };
  }

  async function debugCommand(command: string, args: Record<string, unknown> = {}): Promise<{ view: SessionView; result: unknown }> {
    const id = state.sessionId;
    if (!id) throw new Error('No debug session: press Run (F5) first');
    return deps.api().invoke('session.debug', { id, command, args });
  }

  // ---- stops -------------------------------------------------------------------------------

  function clearStop(): void {
    state.paused = null;
    state.stack = [];
    state.frame = 0;
    state.scopes = [];
    state.scopesNote = null;
    state.calls = [];
    for (const w of state.watches) {
      w.value = null;
      w.error = null;
    }
  }

  /** Takes in a view (and the debugger's outcome) after a command that ran the program. */
  async function settle(view: SessionView, outcome: DebugOutcome | null, mine: number): Promise<void> {
    if (mine !== epoch) return;
    if (view.budget) state.instructions = view.budget.instructions;
    switch (view.status) {
      case 'paused': {
        state.status = 'paused';
        state.calls = [];
        // the old stack says where the program was: not shown as where it is now
        state.stack = [];
        const o = outcome && outcome.status === 'paused' ? outcome : null;
        state.paused = {
          line: o?.line ?? 0,
          column: o?.column ?? 0,
          reason: o?.reason ?? 'pause',
          ...(o?.exception ? { exception: o.exception } : {}),
          instructions: o?.instructions ?? state.instructions,
        };
        await inspect(mine);
        return;
      }
      case 'waiting':
        state.status = 'waiting';
        state.calls = view.calls ?? [];
        state.paused = null;
        await inspect(mine);
        return;
      case 'done':
        clearStop();
        state.status = 'done';
        state.result = { value: view.value };
        say('result', `Result: ${show(view.value)}`);
        await finish();
        return;
      case 'failed':
        clearStop();
        state.status = 'failed';
        state.error = view.error ?? { kind: 'Internal', name: 'Error', message: 'the run failed' };
        say('error', describeError(state.error));
        await finish();
        return;
      case 'cancelled':
        clearStop();
        state.status = 'cancelled';
        await finish();
        return;
      case 'running':
        state.status = 'running';
        return;
    }
  }

  /** Refreshes the call stack, the selected frame's scopes and the watches. */
  async function inspect(mine: number): Promise<void> {
    try {
      const stack = ((await debugCommand('stackTrace')).result ?? []) as DebugStackFrame[];
      if (mine !== epoch) return;
      state.stack = stack;
      // show the first frame of program code (a stop inside a built-in shows its caller)
      const first = stack.findIndex((f) => !f.builtin);
      state.frame = first >= 0 ? first : 0;
      if (state.paused && first > 0) {
        const f = stack[first];
        if (f) state.paused = { ...state.paused, line: f.line, column: f.column };
      }
      if (state.paused && !state.paused.line && stack[state.frame]) {
        state.paused = { ...state.paused, line: stack[state.frame]!.line, column: stack[state.frame]!.column };
      }
      await refreshFrame(mine);
    } catch (e) {
      if (mine === epoch) state.notice = message(e);
    }
  }

  async function refreshFrame(mine: number): Promise<void> {
    const f = state.stack[state.frame];
    state.scopesNote = null;
    // (an awaiting async function — `asyncCaller` — has its saved variables)
    if (!f) {
      state.scopes = [];
      if (state.status === 'waiting') state.scopesNote = 'Waiting for capability answers: nothing is running';
    } else {
      try {
        const scopes = ((await debugCommand('scopes', { frame: f.index })).result ?? []) as DebugScope[];
        if (mine !== epoch) return;
        state.scopes = scopes;
      } catch (e) {
        state.scopes = [];
        state.scopesNote = message(e);
      }
    }
    await refreshWatches(mine);
  }

  async function refreshWatches(mine = epoch): Promise<void> {
    await Promise.all(state.watches.map((w) => evaluateWatch(w, mine)));
  }

  async function evaluateWatch(w: Watch, mine: number): Promise<void> {
    const f = state.stack[state.frame];
    if (!state.sessionId || state.status !== 'paused' || !f || f.asyncCaller) {
      w.value = null;
      w.error = null;
      return;
    }
    try {
      const r = (await debugCommand('evaluate', { expression: w.expression, frame: f.index })).result as { preview: string };
      if (mine !== epoch) return;
      w.value = r.preview;
      w.error = null;
    } catch (e) {
      if (mine !== epoch) return;
      w.value = null;
      w.error = evaluationError(e);
    }
  }

  async function finish(): Promise<void> {
    const id = state.sessionId;
    remote.clear();
    for (const list of Object.values(state.breakpoints)) for (const b of list) delete b.verified;
    if (id) await deps.api().invoke('session.close', { id }).catch(() => {});
  }

  // ---- running -----------------------------------------------------------------------------

  /** Run (F5): a new debug session of `file`, or Continue when paused. */
  async function run(file: string): Promise<void> {
    if (state.status === 'paused' || state.status === 'waiting') return continue_();
    if (state.status === 'running' || state.busy) return;
    const api = deps.api();
    subscribe(api);
    const mine = ++epoch;
    remote.clear();
    clearStop();
    Object.assign(state, { status: 'running', file, sessionId: null, result: null, error: null, notice: null, instructions: 0 });
    state.console = [{ level: 'info-muted', text: `Debugging ${file.split('/').pop() ?? file}…` }];
    state.busy = true;
    try {
      const launch = deps.launch?.(file) ?? {};
      const view = await api.invoke('session.start', {
        source: deps.source(file),
        mocks: await deps.mocks(file),
        debug: true,
        ...(launch.inputs ? { inputs: launch.inputs } : {}),
        ...(launch.limits ? { limits: launch.limits } : {}),
        ...(launch.seed !== undefined ? { seed: launch.seed } : {}),
        ...(launch.now !== undefined ? { now: launch.now } : {}),
      });
      if (mine !== epoch) {
        void api.invoke('session.close', { id: view.id }).catch(() => {});
        return;
      }
      state.sessionId = view.id;
      if (view.status !== 'paused') return await settle(view, null, mine);
      await debugCommand('enableTimeTravel', deps.checkpointEvery ? { checkpointEvery: deps.checkpointEvery } : {});
      await debugCommand('setExceptionBreak', { mode: state.exceptionBreak });
      for (const b of state.breakpoints[file] ?? []) if (b.enabled) await place(file, b);
      if (mine !== epoch) return;
      const r = await debugCommand('continue');
      await settle(r.view, r.result as DebugOutcome | null, mine);
    } catch (e) {
      if (mine !== epoch) return;
      clearStop();
      state.status = 'failed';
      state.error = { kind: 'Request', name: 'Error', message: message(e) };
      say('error', message(e));
      await finish();
    } finally {
      if (mine === epoch) state.busy = false;
    }
  }

  /**
   * Takes over a debug session opened elsewhere — a timeline node's state (`timeline.restore`):
   * the current session ends, the console shows `lines` (the output that led to that state), the
   * file's breakpoints are placed, and every view refreshes as after a stop.
   */
  async function adopt(file: string, open: () => Promise<SessionView>, lines: ConsoleLine[], label: string): Promise<boolean> {
    if (state.busy) return false;
    const api = deps.api();
    subscribe(api);
    const old = isActive(state.status) ? state.sessionId : null;
    const mine = ++epoch;
    remote.clear();
    clearStop();
    Object.assign(state, { status: 'running', file, sessionId: null, result: null, error: null, notice: null });
    state.busy = true;
    try {
      if (old) await api.invoke('session.close', { id: old }).catch(() => {});
      const view = await open();
      if (mine !== epoch) {
        void api.invoke('session.close', { id: view.id }).catch(() => {});
        return false;
      }
      state.sessionId = view.id;
      state.console = [{ level: 'info-muted', text: label }, ...lines];
      if (view.status !== 'paused') {
        await settle(view, null, mine);
        return true;
      }
      await debugCommand('enableTimeTravel', deps.checkpointEvery ? { checkpointEvery: deps.checkpointEvery } : {});
      await debugCommand('setExceptionBreak', { mode: state.exceptionBreak });
      for (const b of state.breakpoints[file] ?? []) if (b.enabled) await place(file, b);
      const instructions = view.budget?.instructions ?? 0;
      await settle(view, { status: 'paused', reason: 'restored', instructions }, mine);
      return true;
    } catch (e) {
      if (mine !== epoch) return false;
      clearStop();
      state.status = 'failed';
      state.error = { kind: 'Request', name: 'Error', message: message(e) };
      say('error', message(e));
      await finish();
      return false;
    } finally {
      if (mine === epoch) state.busy = false;
    }
  }

  /** Runs one debugger command that moves the program, then takes in where it stopped. */
  async function command(name: DebugCommandName, args: Record<string, unknown> = {}): Promise<void> {
    if (!state.sessionId || state.busy) return;
    if (state.status !== 'paused' && state.status !== 'waiting') return;
    const mine = epoch;
    state.busy = true;
    state.notice = null;
    const before = { status: state.status, paused: state.paused };
    state.status = 'running';
    try {
      const r = await debugCommand(name, args);
      await settle(r.view, r.result as DebugOutcome | null, mine);
    } catch (e) {
      // refused (e.g. nothing to step back to): the program did not move
      if (mine !== epoch) return;
      state.status = before.status;
      state.paused = before.paused;
      state.notice = message(e);
    } finally {
      if (mine === epoch) state.busy = false;
    }
  }

  const continue_ = () => command('continue');
  const stepOver = () => command('stepOver');
  const stepInto = () => command('stepInto');
  const stepOut = () => command('stepOut');
  const stepInstruction = () => command('stepInstruction');
  const stepBack = () => command('stepBack');
  const runToLine = (line: number) => command('runTo', { line });

  /** Answers the waiting "ask me" calls and continues (the step under way, if any, goes on). */
  async function answer(answers: SessionAnswer[]): Promise<void> {
    if (state.status !== 'waiting') throw new Error('The program is not waiting for answers');
    await command('continue', { answers });
  }

  /** Pause (F6): stops a running program at the next slice. */
  async function pause(): Promise<void> {
    if (state.status !== 'running' || !state.sessionId) return;
    await deps.api().invoke('session.pause', { id: state.sessionId });
  }

  /** Stop (Shift+F5): cancels the session. */
  async function stop(): Promise<void> {
    const id = state.sessionId;
    if (!id || !isActive(state.status)) return;
    const mine = ++epoch;
    clearStop();
    state.status = 'cancelled';
    state.busy = false;
    say('info-muted', 'Stopped.');
    await deps.api().invoke('session.cancel', { id }).catch(() => {});
    if (mine === epoch) await finish();
  }

  /** Restart (Ctrl/Cmd+Shift+F5): stops and runs the same file again. */
  async function restart(): Promise<void> {
    const file = state.file;
    if (!file) return;
    await stop();
    state.busy = false;
    await run(file);
  }

  /** Shows a frame of the call stack: its scopes, watches and line. */
  async function selectFrame(index: number): Promise<void> {
    if (!state.stack[index] || state.frame === index) return;
    state.frame = index;
    await refreshFrame(epoch);
  }

  /** An object's properties (expanding it in Variables or Watch). */
  async function properties(objectId: number): Promise<DebugVariable[]> {
    return ((await debugCommand('properties', { objectId })).result ?? []) as DebugVariable[];
  }

  /** Evaluates an expression in the selected frame (on copies: it cannot change the program). */
  async function evaluate(expression: string): Promise<{ value: unknown; preview: string }> {
    if (state.status !== 'paused') throw new Error('Evaluate needs a paused program');
    const frame = state.stack[state.frame]?.index ?? 0;
    return (await debugCommand('evaluate', { expression, frame })).result as { value: unknown; preview: string };
  }

  // ---- watches -----------------------------------------------------------------------------

  async function addWatch(expression: string): Promise<void> {
    const e = expression.trim();
    if (!e) return;
    state.watches.push({ id: nextWatch++, expression: e, value: null, error: null });
    persist();
    const w = state.watches[state.watches.length - 1]!;
    await evaluateWatch(w, epoch);
  }

  async function editWatch(id: number, expression: string): Promise<void> {
    const w = state.watches.find((x) => x.id === id);
    if (!w) return;
    if (!expression.trim()) return removeWatch(id);
    w.expression = expression.trim();
    persist();
    await evaluateWatch(w, epoch);
  }

  function removeWatch(id: number): void {
    state.watches = state.watches.filter((w) => w.id !== id);
    persist();
  }

  // ---- breakpoints -------------------------------------------------------------------------

  function list(file: string): Breakpoint[] {
    return (state.breakpoints[file] ??= []);
  }

  /** Places a breakpoint in the running program (when `file` is the one being debugged). */
  async function place(file: string, b: Breakpoint): Promise<void> {
    if (file !== state.file || !state.sessionId || !isActive(state.status) || !b.enabled) return;
    const spec: Record<string, unknown> = { line: b.line };
    if (b.condition) spec.condition = b.condition;
    if (b.hitCount) spec.hitCount = b.hitCount;
    if (b.logMessage) spec.logMessage = b.logMessage;
    try {
      const info = (await debugCommand('setBreakpoint', spec)).result as DebugBreakpointInfo;
      remote.set(b.id, info.id);
      // the program stops on the next line with code: show it there (as VS Code does)
      const other = list(file).find((x) => x !== b && x.line === info.line);
      if (info.moved && !other) b.line = info.line;
      b.verified = info.verified;
      b.message = info.moved ? (info.message ?? `moved to line ${info.line}`) : info.message;
    } catch (e) {
      b.verified = false;
      b.message = message(e);
    }
  }

  async function unplace(b: Breakpoint): Promise<void> {
    const id = remote.get(b.id);
    remote.delete(b.id);
    delete b.verified;
    if (id === undefined || !state.sessionId || !isActive(state.status)) return;
    await debugCommand('removeBreakpoint', { id }).catch(() => {});
  }

  /** Toggles a plain breakpoint on `line` (F9, a gutter click). */
  async function toggleBreakpoint(file: string, line: number): Promise<void> {
    const l = list(file);
    const at = l.find((b) => b.line === line);
    if (at) return removeBreakpoint(file, at.id);
    const b: Breakpoint = { id: `b${nextBreakpoint++}`, line, enabled: true };
    l.push(b);
    l.sort((x, y) => x.line - y.line);
    persist();
    await place(file, l.find((x) => x.id === b.id)!);
    persist();
  }

  /** Sets a breakpoint's condition, hit count and log message (creating it if needed). */
  async function setBreakpointOptions(file: string, line: number, options: Pick<Breakpoint, 'condition' | 'hitCount' | 'logMessage'>): Promise<void> {
    const l = list(file);
    let b = l.find((x) => x.line === line);
    if (b) await unplace(b);
    else {
      l.push({ id: `b${nextBreakpoint++}`, line, enabled: true });
      l.sort((x, y) => x.line - y.line);
      b = l.find((x) => x.line === line)!;
    }
    delete b.condition;
    delete b.hitCount;
    delete b.logMessage;
    if (options.condition) b.condition = options.condition;
    if (options.hitCount) b.hitCount = options.hitCount;
    if (options.logMessage) b.logMessage = options.logMessage;
    persist();
    await place(file, b);
  }

  async function setBreakpointEnabled(file: string, id: string, enabled: boolean): Promise<void> {
    const b = list(file).find((x) => x.id === id);
    if (!b || b.enabled === enabled) return;
    b.enabled = enabled;
    persist();
    if (enabled) await place(file, b);
    else await unplace(b);
  }

  async function removeBreakpoint(file: string, id: string): Promise<void> {
    const b = list(file).find((x) => x.id === id);
    if (!b) return;
    state.breakpoints[file] = list(file).filter((x) => x.id !== id);
    persist();
    await unplace(b);
  }

  async function removeAllBreakpoints(): Promise<void> {
    const all = Object.values(state.breakpoints).flat();
    state.breakpoints = {};
    persist();
    for (const b of all) await unplace(b);
  }

  /** Edits moved breakpoints (the editor keeps them on their statements) or merged two lines. */
  function moveBreakpoints(file: string, moved: { id: string; line: number }[], removed: string[]): void {
    const l = list(file);
    for (const m of moved) {
      const b = l.find((x) => x.id === m.id);
      if (b) b.line = m.line;
    }
    if (removed.length) state.breakpoints[file] = l.filter((b) => !removed.includes(b.id));
    list(file).sort((x, y) => x.line - y.line);
    persist();
  }

  async function setExceptionBreak(mode: ExceptionBreakMode): Promise<void> {
    state.exceptionBreak = mode;
    persist();
    if (state.sessionId && isActive(state.status)) await debugCommand('setExceptionBreak', { mode }).catch(() => {});
  }

  function clearConsole(): void {
    state.console = [];
  }

  return {
    state,
    run,
    adopt,
    command,
    continue_,
    pause,
    stepOver,
    stepInto,
    stepOut,
    stepInstruction,
    stepBack,
    runToLine,
    restart,
    stop,
    answer,
    selectFrame,
    properties,
    evaluate,
    addWatch,
    editWatch,
    removeWatch,
    refreshWatches: () => refreshWatches(epoch),
    toggleBreakpoint,
    setBreakpointOptions,
    setBreakpointEnabled,
    removeBreakpoint,
    removeAllBreakpoints,
    moveBreakpoints,
    setExceptionBreak,
    clearConsole,
    /** Raw debugger command on the current session (`session.debug`), for other views. */
    debugCommand,
  };
}

export type Debugger = ReturnType<typeof createDebugger>;

/** A readable one-line account of a session error (never a host stack). */
export function describeError(e: SessionError): string {
  if (e.diagnostics?.length) return e.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n');
  if (e.kind === 'Runtime') return `Uncaught ${e.name}: ${e.message}`;
  return `${e.name}: ${e.message}`;
}

function load(storage: DebugDeps['storage']): { breakpoints: Record<string, Breakpoint[]>; watches: string[]; exceptionBreak: ExceptionBreakMode } {
  const empty = { breakpoints: {}, watches: [], exceptionBreak: 'uncaught' as const };
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return empty;
    const data = JSON.parse(raw) as { breakpoints?: unknown; watches?: unknown; exceptionBreak?: unknown };
    const breakpoints: Record<string, Breakpoint[]> = {};
    if (data.breakpoints && typeof data.breakpoints === 'object') {
      for (const [file, list] of Object.entries(data.breakpoints as Record<string, unknown>)) {
        if (!Array.isArray(list)) continue;
        breakpoints[file] = list.filter(
          (b): b is Breakpoint => typeof b === 'object' && b !== null && typeof b.id === 'string' && Number.isInteger(b.line) && typeof b.enabled === 'boolean',
        );
      }
    }
    const watches = Array.isArray(data.watches) ? data.watches.filter((w): w is string => typeof w === 'string') : [];
    const mode = data.exceptionBreak;
    return { breakpoints, watches, exceptionBreak: mode === 'none' || mode === 'all' || mode === 'uncaught' ? mode : 'uncaught' };
  } catch {
    return empty;
  }
}
