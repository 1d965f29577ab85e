/**
 * The bridge contract between the renderer and the main-process services.
 *
 * This is the one place that says what the renderer may ask for and what it may be told. The
 * Electron preload, the main-process router and the browser-mode socket all implement it, so a
 * method added here is a compile error until main handles it. Everything here is plain data and
 * types: no Electron, DOM or Node imports, because all three sides include this file.
 */

/** Where the renderer is running: inside the Electron shell or in a browser tab served by browser mode. */
export type HostMode = 'electron' | 'browser';

/** Versions and host facts shown in the status bar and the About view. */
export interface AppInfo {
  /** Capsule Studio's version, from package.json. */
  readonly appVersion: string;
  /** The interpreter core's version (`CORE_VERSION`), as the main process sees it. */
  readonly coreVersion: string;
  /** `process.platform` of the machine running the services (e.g. `linux`, `darwin`, `win32`). */
  readonly platform: string;
  readonly mode: HostMode;
}

/**
 * Request/response methods, by name. `params` is `void` for methods that take none; every value
 * must survive structured clone and JSON (plain objects, arrays, strings, numbers, booleans, null).
 */
export interface Requests {
  /** Versions and host facts. */
  'app.info': { params: void; result: AppInfo };
  /** Starts a session in a sidecar and runs it until it needs the user, pauses, or ends. */
  'session.start': { params: SessionStartParams; result: SessionView };
  /** Continues a session: answers to "ask me" calls, an instruction budget for stepping. */
  'session.continue': { params: { id: string; answers?: SessionAnswer[]; maxInstructions?: number }; result: SessionView };
  /** Asks a running session to pause at the next slice boundary. */
  'session.pause': { params: { id: string }; result: null };
  /** Cancels a session (running or waiting). */
  'session.cancel': { params: { id: string }; result: null };
  /** The session's whole state as snapshot bytes (base64), while it is paused or waiting. */
  'session.snapshot': { params: { id: string }; result: { snapshot: string; bytes: number } };
  /** A new session continuing from a snapshot taken by this app. */
  'session.restore': { params: SessionStartParams & { snapshot: string }; result: SessionView };
  /** Ends a session and frees its sidecar slot. */
  'session.close': { params: { id: string }; result: null };
  /**
   * A debugger command for a session started with `debug: true` (docs/DEBUGGER.md):
   * setBreakpoint, continue, stepInto/Over/Out, stepInstruction, runTo, stackTrace, scopes,
   * properties, evaluate, heap, enableTimeTravel, stepBack, reverseContinue, jumpTo, …
   * `heap` with `args: { packed: true }` answers core/debug/heap-graph.ts's PackedHeapGraph.
   */
  'session.debug': { params: { id: string; command: string; args?: Record<string, unknown> }; result: { view: SessionView; result: unknown } };
  /**
   * Records a run timeline (docs/TIMELINE.md) in a session of its own: every suspension is a node;
   * mocked calls are answered on the way, "ask me" calls stop the recording for the user. With
   * `load`, reads a saved timeline file of the workspace instead of running.
   */
  'timeline.open': { params: TimelineOpenParams; result: TimelineView };
  /** Answers a suspended node's calls: a new child (a fork when it has one), then mocks carry it on. */
  'timeline.answer': { params: { id: string; node: number; answers: SessionAnswer[] }; result: TimelineView };
  /** A new debug session on a node's state (the debugger adopts it): paused where the node suspended. */
  'timeline.restore': { params: { id: string; node: number }; result: SessionView };
  /** A node's state for comparing: awaiting frames, variables, the heap graph. */
  'timeline.inspect': { params: { id: string; node: number }; result: TimelineInspection };
  /** Saves the timeline as a workspace file (core's timeline format), atomically. */
  'timeline.save': { params: { id: string; path: string }; result: { path: string; bytes: number } };
  /** Ends a timeline and frees its session. */
  'timeline.close': { params: { id: string }; result: null };
  /** Parses and validates a script as `capsule validate` does (nothing runs): the editor's live diagnostics. */
  'program.validate': { params: ProgramValidateParams; result: { diagnostics: ProgramDiagnostic[] } };
  /**
   * The bytecode of a script as compiled, every function (no session needed: nothing runs).
   * Debug sessions answer the `disassemble` command with the same shape (plus breakpoints).
   */
  'program.disassemble': { params: ProgramDisassembleParams; result: BytecodeFunction[] };
  /** The open workspace: its name, files, problems in its files, and unsaved edits to recover (docs/WORKSPACE.md). */
  'workspace.state': { params: void; result: WorkspaceState };
  /** Electron: the host's folder picker, then the folder's state (null when cancelled). Browser mode: an error saying how. */
  'workspace.openFolder': { params: void; result: WorkspaceState | null };
  /** A UTF-8 text file of the workspace, by workspace-relative path (`a/b.js`). */
  'workspace.read': { params: { path: string }; result: { path: string; text: string } };
  /** Saves (or creates) a file atomically; returns the problems found in it (e.g. malformed JSON). */
  'workspace.write': { params: { path: string; text: string }; result: { path: string; bytes: number; problems: WorkspaceProblem[] } };
  /** Keeps the unsaved text of a file for crash recovery, or forgets it (`text: null`). */
  'workspace.journal': { params: { path: string; text: string | null }; result: null };
  /** Plain-text search over the workspace's files as saved on disk. */
  'workspace.search': { params: WorkspaceSearchParams; result: WorkspaceSearchResult };
  /**
   * Checks a mocks file (docs/MOCKS.md) as parsed JSON: the format, one mock per capability,
   * scripts that parse, argument and result schemas that compile. Every problem, with its place.
   */
  'mocks.check': { params: { mocks: unknown }; result: { problems: MockProblem[] } };
  /**
   * Checks a JSON Schema (does it compile? unknown keywords are warnings) and, when `value` is
   * given, the value against it — e.g. an "ask me" answer against a capability's result schema.
   * `root` names the value in messages: `result must be string`, `arguments[0] must be integer`.
   */
  'mocks.validate': { params: { schema: unknown; value?: unknown; root?: 'arguments' | 'result' }; result: SchemaCheck };
  /**
   * Electron: saves a mocks file where the user picks (the host's save dialog, `name` suggested);
   * the saved file's name, or null when cancelled. Browser mode downloads the file instead.
   */
  'mocks.export': { params: { name: string; text: string }; result: { name: string } | null };
  /** The workspace's scenarios files (docs/SCENARIOS.md): run configurations and scenarios per script, and files that are invalid. */
  'scenario.list': { params: void; result: ScenarioList };
  /** Runs one scenario in a sidecar through the session service and judges it against its expectation. */
  'scenario.run': { params: { file: string; name: string }; result: ScenarioRunResult };
  /**
   * Export, step 1 (docs/EXPORT.md): validates a script, runs every scenario of it (progress as
   * `export.progress` events tagged with `token`), and builds its manifest. Nothing is written.
   */
  'export.check': { params: ExportCheckParams; result: ExportCheck };
  /** The signing key at a workspace path: whether it exists and its fingerprint (never the private key). */
  'export.key': { params: { path: string }; result: ExportKeyInfo };
  /**
   * Export, step 2: writes the signed artifact (the format of `capsule export`) for a check that
   * passed, if the script, its mocks and its scenarios are unchanged since. Refuses otherwise.
   */
  'export.write': { params: ExportWriteParams; result: ExportWritten };
}

/** Every limit of a program, as recorded in an artifact's manifest. */
export type ExportLimits = Required<SessionLimits>;

export interface ExportCheckParams {
  /** The script, workspace-relative. */
  script: string;
  /** The run configuration whose limits become the default limits (else the script's first). */
  configuration?: string;
  /** Tags this check's `export.progress` events (letters, digits, `-`, `_`; up to 64). */
  token?: string;
}

/** A capability as the artifact's manifest records it. */
export interface ExportCapability {
  name: string;
  description?: string;
  args?: unknown;
  result?: unknown;
}

/** What `export.check` found. `ok` only when nothing stands in the way of an export. */
export interface ExportCheck {
  /** Pass to `export.write`. */
  checkId: string;
  ok: boolean;
  /** Why an export is refused, one readable line each (empty when `ok`). */
  refusals: string[];
  /** Things worth knowing that do not stop an export (no scenarios, declared but unused capabilities). */
  warnings: string[];
  script: string;
  mocks: string | null;
  scenariosFile: string | null;
  /** The validator's findings (errors stop an export; warnings do not). */
  diagnostics: ProgramDiagnostic[];
  /** One per scenario of the script, in file order. */
  scenarios: ScenarioRunResult[];
  /** The manifest's capabilities: those declared in the mocks file that the program refers to. */
  capabilities: ExportCapability[];
  /** Declared in the mocks file but never named by the program (left out of the manifest). */
  unusedCapabilities: string[];
  /** Input names (from the run configurations and scenarios). */
  inputs: string[];
  /** Core's default limits with the configuration's over them: the dialog's starting values. */
  limits: ExportLimits;
  /** The configuration those limits come from, if any. */
  configuration: string | null;
  /** Suggested output path (`dist/NAME.capsule`) and signing key path. */
  output: string;
  key: ExportKeyInfo;
}

export interface ExportKeyInfo {
  path: string;
  exists: boolean;
  /** `sha256:` fingerprint of the public key, as `capsule keygen` and `capsule inspect` print it. */
  fingerprint: string | null;
  /** The public key (SPKI PEM) when known. */
  publicKey: string | null;
  /** Where the public key is (`KEY.pub`), when that file exists. */
  publicKeyPath: string | null;
  /** Export creates a key here when none exists (only the default path). */
  willCreate: boolean;
}

export interface ExportWriteParams {
  checkId: string;
  /** Workspace-relative output path ending in `.capsule`. */
  output: string;
  /** Workspace-relative Ed25519 private key (PEM). */
  key: string;
  limits: ExportLimits;
}

export interface ExportWritten {
  output: string;
  bytes: number;
  programHash: string;
  fingerprint: string;
  publicKeyPath: string;
  /** A key was created for this export. */
  keyCreated: boolean;
  /** The manifest as read back from the written file by core's loader (verified with the public key). */
  manifest: { capabilities: ExportCapability[]; inputs: string[]; limits: ExportLimits };
}

/** A run configuration of a script: what Run starts it with. */
export interface RunConfiguration {
  name: string;
  description?: string;
  inputs: Record<string, unknown>;
  limits: SessionLimits;
  seed?: number;
  /** A fixed clock, ms since the epoch. */
  now?: number;
}

/** One scenario as listed (its details stay in the file). */
export interface ScenarioInfo {
  name: string;
  description?: string;
  /** The run configuration it starts from. */
  configuration?: string;
  /** Whether it expects a result or an error. */
  expects: 'result' | 'error';
}

/** One scenarios file: the script it tests, its mocks file, configurations and scenarios. Paths are workspace-relative. */
export interface ScenarioSuiteInfo {
  file: string;
  script: string;
  mocks: string | null;
  configurations: RunConfiguration[];
  scenarios: ScenarioInfo[];
}

export interface ScenarioList {
  suites: ScenarioSuiteInfo[];
  /** Scenarios files that cannot be used, with the reason (file, place, what is wrong). */
  problems: { file: string; message: string }[];
}

/** How one scenario run went. */
export interface ScenarioRunResult {
  file: string;
  script: string;
  name: string;
  /** `invalid`: it could not run (the script does not validate, a mock does not compile, …). */
  status: 'passed' | 'failed' | 'invalid';
  ms: number;
  expected: { result: unknown } | { error: { name?: string; message?: string } };
  /** How the run ended; null when it did not get to an end. */
  actual: { ok: true; value: unknown } | { ok: false; error: { kind: string; name: string; message: string } } | null;
  /** Why it did not pass, one readable line each ("result.total: expected 3, got 4"). */
  diff: string[];
  /** The guest's console output during the run. */
  console: { level: string; text: string }[];
}

/** What {@link Requests} `program.validate` checks. */
export interface ProgramValidateParams {
  source: string;
  /** Names the script may use as globals besides the built-ins: its capabilities and inputs. */
  globals?: string[];
}

/** A finding about a script, with its place: `from`/`to` are UTF-16 offsets, lines and columns 1-based. */
export interface ProgramDiagnostic {
  code: string;
  message: string;
  severity: 'error' | 'warning';
  from: number;
  to: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A file or folder of the workspace; `path` is relative to the root, with `/` separators. */
export interface WorkspaceEntry {
  path: string;
  type: 'file' | 'directory';
}

/** Something wrong in a workspace file (malformed JSON, a mocks file breaking its schema): file, place, message. */
export interface WorkspaceProblem {
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
}

/** Unsaved text of a file, kept across a renderer reload or a restart of main. */
export interface RecoveredEdit {
  path: string;
  text: string;
  /** When it was journalled (ms since the epoch). */
  time: number;
  /** The file on disk changed (or disappeared) after the edit was journalled. */
  changedOnDisk: boolean;
}

/** What the renderer knows of the open workspace. */
export interface WorkspaceState {
  /** The folder's name; null when no folder is open. */
  name: string | null;
  /**
   * Which folder this is (a digest of its real path, not the path): the renderer tells a
   * re-announcement of the open folder, whose unsaved documents it keeps, from another folder.
   */
  id: string | null;
  /** Files and folders in tree order (folders first, then files, by name). */
  files: WorkspaceEntry[];
  /** More files than the studio lists. */
  truncated: boolean;
  problems: WorkspaceProblem[];
  recovered: RecoveredEdit[];
}

export interface WorkspaceSearchParams {
  query: string;
  caseSensitive?: boolean;
  wholeWord?: boolean;
}

/** One occurrence: 1-based line and column; `preview` is the line (or a window of a long one). */
export interface WorkspaceSearchMatch {
  path: string;
  line: number;
  column: number;
  length: number;
  preview: string;
  /** 1-based column of the match within `preview`. */
  previewColumn: number;
}

export interface WorkspaceSearchResult {
  matches: WorkspaceSearchMatch[];
  /** The search stopped at its match limit. */
  truncated: boolean;
  searchedFiles: number;
}

/** One problem of a mocks file: where (`capabilities.NAME.args`, or `` for the top level) and what. */
export interface MockProblem {
  path: string;
  message: string;
}

/** What `mocks.validate` found. */
export interface SchemaCheck {
  /** Why the schema does not compile (null when it does). */
  schemaError: string | null;
  /** Problems that do not stop it from working, e.g. an unknown keyword (a typo such as `tpye`). */
  warnings: string[];
  /** Every way the value breaks the schema (empty when it matches or none was given). */
  errors: string[];
}

/** One capability call in a session's live call log (`session.call` events). */
export interface CallRecord {
  /** The call's id within its session (as in `SessionCall`). */
  id: number;
  capability: string;
  args: unknown[];
  /**
   * Who answers: a mock (in main), the user ("ask me": `ask` entries and capabilities without a
   * mock), or the schema check — arguments that break the `args` schema fail at once with a
   * TypeError, as under `capsule run`.
   */
  answeredBy: 'mock' | 'user' | 'schema';
  state: 'pending' | 'answered';
  /** The answer the guest got (once answered). */
  answer?: { value: unknown } | { error: { name: string; message: string } };
  /** When main saw the call and when the answer went back (ms since the epoch). */
  startedAt: number;
  answeredAt?: number;
  /** The mock's simulated latency (ms), when it has one. */
  latencyMs?: number;
  /** The question of an `ask` entry. */
  prompt?: string;
  /** Schema violations, e.g. `searchLogs(): arguments[0].level must be equal to one of the allowed values`. */
  problems?: string[];
}

/** A script to compile: its source and the names it may use (the inputs' and the mocks' capabilities). */
export interface ProgramDisassembleParams {
  source: string;
  inputs?: Record<string, unknown>;
  /** A mocks file (docs/MOCKS.md) as parsed JSON: its capability names are the script's capabilities. */
  mocks?: unknown;
}

/** A source range: offsets into the source, and 1-based lines and columns. */
export interface SourceSpan {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One bytecode instruction (core/disasm.ts `InstructionListing`). */
export interface BytecodeInstruction {
  pc: number;
  opcode: string;
  operands: number[];
  /** Operands as text, with the decoded constant or name, e.g. `7  ("Promise")`. */
  operandText: string;
  /** Absent for synthetic code (function prologues). */
  span?: SourceSpan;
  /** A statement starts here. */
  statement: boolean;
}

/** One function's bytecode (core/disasm.ts `FunctionListing`). */
export interface BytecodeFunction {
  /** Index in the program's function table, as stack frames give it (`functionIndex`). */
  index: number;
  name: string;
  kind: string;
  line: number;
  column: number;
  endLine: number;
  params: number;
  hasRest: boolean;
  locals: number;
  instructions: BytecodeInstruction[];
  /** From a debug session's `disassemble`: pcs with a user breakpoint. */
  breakpoints?: number[];
}

/** Budgets of a session: the figures the status bar and the budget view show. */
export interface SessionLimits {
  instructions?: number;
  heapBytes?: number;
  allocations?: number;
  callDepth?: number;
  outstandingHostCalls?: number;
  timeMs?: number;
}

/** What a session is started from. `mocks` is a mocks file (docs/MOCKS.md) as parsed JSON. */
export interface SessionStartParams {
  source: string;
  inputs?: Record<string, unknown>;
  mocks?: unknown;
  limits?: SessionLimits;
  seed?: number;
  /** A fixed clock (ms since the epoch). */
  now?: number;
  /** Stop with `paused` after this many instructions. */
  maxInstructions?: number;
  /** Start a debug session: paused before the first instruction. */
  debug?: boolean;
}

/** What a timeline records or loads: a run of `source` as `session.start` would make it. */
export interface TimelineOpenParams {
  source: string;
  inputs?: Record<string, unknown>;
  mocks?: unknown;
  limits?: SessionLimits;
  seed?: number;
  now?: number;
  /** A saved timeline file of the workspace to load (workspace-relative path) instead of running. */
  load?: string;
}

/** One node of a run timeline (core/debug/timeline.ts) without its snapshot bytes. */
export interface TimelineNodeInfo {
  id: number;
  parent: number | null;
  /** The answers given to the parent that led here (null for the root). */
  answers: SessionAnswer[] | null;
  instructions: number;
  status: 'suspended' | 'completed' | 'failed';
  /** suspended: the calls waiting for answers. */
  calls: SessionCall[];
  /** completed: the result. */
  value?: unknown;
  /** failed: the error. */
  error?: { kind: string; name: string; message: string };
  /** Whether the node's state can be restored (suspended nodes). */
  hasSnapshot: boolean;
  children: number[];
  /** Console output on the way from the parent to this node. */
  console?: { level: string; text: string }[];
}

/** A timeline: its id (for the other `timeline.*` requests) and every node, in creation order. */
export interface TimelineView {
  id: string;
  nodes: TimelineNodeInfo[];
  /** The newest node of the last recording: where it stopped (for the user's answer, or the end). */
  last: number;
}

/** A heap graph as core/debug/heap-graph.ts describes it. */
export interface HeapGraphData {
  nodes: { id: number; kind: string; size: number; retained: number; preview: string }[];
  edges: { from: number; to: number; label: string }[];
  roots: { label: string; to: number }[];
  total: number;
}

/** A timeline node's state, for comparing two nodes. */
export interface TimelineInspection {
  stack: DebugStackFrame[];
  /** The scopes of the innermost running program frame (empty when every frame awaits the host). */
  scopes: DebugScope[];
  /** Null for nodes without a state (completed or failed). */
  heap: HeapGraphData | null;
}

/** An answer to an "ask me" capability call (a capability without a mock). */
export interface SessionAnswer {
  id: number;
  value?: unknown;
  error?: { name?: string; message: string };
}

export interface SessionCall {
  id: number;
  capability: string;
  args: unknown[];
}

export interface SessionBudget {
  instructions: number;
  heapBytes: number;
  allocations: number;
  /** Frames on the stack when the sample was taken. */
  callDepth: number;
  /** The most frames the run has had at once so far. */
  peakCallDepth: number;
  pendingCalls: number;
}

/** A session error: a core error kind, or what happened to the sidecar. */
export interface SessionError {
  kind: string;
  name: string;
  message: string;
  /** For sidecar failures: memory, time, unresponsive, crash. */
  cause?: string;
  limit?: string;
  /** For a limit: the limit in force and the figure reached. */
  limitValue?: number;
  reached?: number;
  /** For a limit: the statement that crossed it (the editor highlights it). */
  location?: { line: number; column: number; endLine: number; endColumn: number };
  stack?: string;
  diagnostics?: { code: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
}

/** The state of one session as the renderer sees it. */
export interface SessionView {
  id: string;
  status: 'running' | 'waiting' | 'paused' | 'done' | 'failed' | 'cancelled';
  seed?: number;
  /** Calls waiting for the user's answer (status `waiting`). */
  calls?: SessionCall[];
  value?: unknown;
  error?: SessionError;
  budget?: SessionBudget;
}

// ---- debugger results (`session.debug`), as core/debug/debugger.ts returns them -------------

/** Where a breakpoint was placed (`setBreakpoint`). */
export interface DebugBreakpointInfo {
  id: number;
  /** The requested line, or the next line with code. */
  line: number;
  column: number;
  /** True when the requested line had no code and the breakpoint moved. */
  moved: boolean;
  verified: boolean;
  message?: string;
}

/** One frame of `stackTrace`, innermost first. */
export interface DebugStackFrame {
  index: number;
  name: string;
  line: number;
  column: number;
  pc: number;
  functionIndex: number;
  /** A built-in written in JavaScript (the prelude), not program code. */
  builtin: boolean;
  asyncResumed: boolean;
  /** Not on the VM stack: an async function awaiting the frame above it (no scopes). */
  asyncCaller?: boolean;
}

/** A variable, property or value as the Variables view shows it. */
export interface DebugVariable {
  name: string;
  type: string;
  preview: string;
  /** For objects: expand with `properties { objectId }`. */
  objectId?: number;
}

/** One scope of `scopes { frame }`. */
export interface DebugScope {
  kind: 'block' | 'local' | 'closure' | 'global' | 'inputs' | 'capabilities';
  variables: DebugVariable[];
}

/** Why a debug session stopped. */
/** Why a debug session stopped; `restored`: opened on a timeline node's state (the studio's own, not core's). */
export type DebugPauseReason = 'breakpoint' | 'step' | 'pause' | 'entry' | 'exception' | 'capability' | 'resume' | 'restored' | 'debugger';

/** The outcome of a debugger command that ran the program. */
export type DebugOutcome =
  | {
      status: 'paused';
      reason: DebugPauseReason;
      breakpoints?: number[];
      instructions: number;
      line?: number;
      column?: number;
      exception?: DebugVariable;
      call?: SessionCall;
    }
  | { status: 'completed'; value: unknown; instructions: number }
  | { status: 'suspended'; calls: SessionCall[]; instructions: number };

/** Events the main process pushes to the renderer, by name, with their payloads. */
export interface Events {
  /** A short message for the user, e.g. that the browser-mode server is shutting down. */
  'app.notice': { level: 'info' | 'warning' | 'error'; message: string };
  /** Guest console output of a session. */
  'session.console': { id: string; level: string; text: string };
  /** Budget figures, sampled after each slice. */
  'session.budget': { id: string; budget: SessionBudget };
  /**
   * A suspension at capability calls (every call still pending), who answers each, and the
   * schema problems of its arguments (`problems`, absent when there are none).
   */
  'session.suspended': { id: string; calls: (SessionCall & { answeredBy: CallRecord['answeredBy']; problems?: string[] })[] };
  /** The live call log: a call seen (state `pending`) and again when answered, with timing and schema problems. */
  'session.call': { id: string; call: CallRecord };
  /** The session completed. */
  'session.done': { id: string; value: unknown; instructions: number };
  /** The session failed (guest error, limit, or the sidecar crashed or was stopped). */
  'session.error': { id: string; error: SessionError };
  /** Another folder was opened (Electron: File › Open Folder…): the renderer starts over with it. */
  'workspace.changed': WorkspaceState;
  /** Progress of an `export.check`: a scenario started (`running`) or finished (`result`). */
  'export.progress': { token: string; total: number; done: number; running: string | null; result?: ScenarioRunResult };
  /** A command from the host's menu (Electron: File › Export…). */
  'app.command': { command: 'export' };
}

export type RequestName = keyof Requests;
export type RequestParams<M extends RequestName> = Requests[M]['params'];
export type RequestResult<M extends RequestName> = Requests[M]['result'];
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = Events[E];

/** Arguments after the method name: none for `void` params, else exactly one. */
export type ParamsArgs<M extends RequestName> = RequestParams<M> extends void ? [] : [params: RequestParams<M>];

/** The API object the renderer sees as `window.capsule`, under Electron and in browser mode alike. */
export interface CapsuleApi {
  /** Calls a main-process method; rejects with an `Error` carrying the service's message on failure. */
  invoke<M extends RequestName>(method: M, ...params: ParamsArgs<M>): Promise<RequestResult<M>>;
  /** Subscribes to an event; returns a function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** A service's answer to one request. Failures are data, not exceptions, so both transports report them alike. */
export type Reply = { ok: true; result: unknown } | { ok: false; error: { message: string } };

/** One pushed event as it crosses a transport. */
export interface EventMessage {
  event: EventName;
  payload: unknown;
}

/** Electron IPC channel for requests (`ipcRenderer.invoke`); answered with a {@link Reply}. */
export const REQUEST_CHANNEL = 'capsule:request';
/** Electron IPC channel for pushed events; carries an {@link EventMessage}. */
export const EVENT_CHANNEL = 'capsule:event';

/** Browser mode: path of the loopback WebSocket; the token goes in the `token` query parameter. */
export const SOCKET_PATH = '/bridge';

/** Browser mode: client-to-server frame. `id` pairs the request with its response. */
export interface SocketRequest {
  type: 'request';
  id: number;
  method: string;
  params?: unknown;
}

/**
 * Browser mode: server-to-client frames. Each is sent as JSON with every non-ASCII character
 * escaped (`\u2026`), and one longer than {@link SOCKET_PART_CHARS} characters as several
 * WebSocket messages: every one but the last is {@link SOCKET_PART_MARK} followed by the next
 * slice of the frame's text, the last is the rest (no mark; a frame alone is the common case).
 * Chromium decodes and delivers a large text message in one task of the page's main thread, and
 * a message with any non-ASCII character several times slower: a 550 KB heap graph blocked the
 * page for 50–70 ms of CPU that way, sliced and escaped it takes a few ms per message.
 */
export type SocketServerMessage = ({ type: 'response'; id: number } & Reply) | ({ type: 'event' } & EventMessage);

/** Browser mode: the longest server message, in characters (see {@link SocketServerMessage}). */
export const SOCKET_PART_CHARS = 64 * 1024;
/** Browser mode: the first character of a message that is a slice of a longer frame (never the start of a JSON frame). */
export const SOCKET_PART_MARK = '~';
