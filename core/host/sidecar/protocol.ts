/**
 * The sidecar protocol: one versioned message format between a host process (the IDE's
 * main process, browser mode, tests, `capsule run --isolate`) and a sidecar process
 * that runs core sessions. The same messages travel over Electron's utilityProcess
 * port and Node's child_process IPC (structured clone on both, so snapshot bytes
 * travel as Uint8Array).
 *
 * Every message is checked against a JSON Schema on arrival, on both sides: anything
 * malformed or unexpected is rejected and logged, never executed.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import type { Answer, CapabilityDecl, Limits, Outcome } from '../../index';

export const PROTOCOL_VERSION = 1;

/** Session ids are chosen by the host: short, printable. */
const SESSION = { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,64}$' };

/** Opens a session: compiles the program (or restores a snapshot) in the sidecar. */
export interface OpenParams {
  source: string;
  inputs?: Record<string, unknown>;
  capabilities?: CapabilityDecl[];
  limits?: Partial<Limits>;
  seed?: number;
  /** A fixed clock for Date.now() (ms since the epoch); the real clock when absent. */
  now?: number;
  /** Restore this snapshot instead of starting from the beginning. */
  snapshot?: Uint8Array;
  /** The snapshot key (required with `snapshot`, and by `snapshot` requests). */
  key?: string;
  /** Open a debug session: paused before the first instruction, driven by `debug` requests. */
  debug?: boolean;
}

/** Debugger commands a debug session accepts (see core/debug/debugger.ts). */
export const DEBUG_COMMANDS = [
  'setBreakpoint',
  'setInstructionBreakpoint',
  'removeBreakpoint',
  'setExceptionBreak',
  'setCapabilityBreak',
  'setResumeBreak',
  'continue',
  'stepInto',
  'stepOver',
  'stepOut',
  'stepInstruction',
  'runTo',
  'enableTimeTravel',
  'stepBack',
  'stepBackInstruction',
  'reverseContinue',
  'jumpTo',
  'stackTrace',
  'scopes',
  'properties',
  'operandStack',
  'currentInstruction',
  'disassemble',
  'evaluate',
  'heap',
  'profile',
  'timeline',
] as const;

export type DebugCommand = (typeof DEBUG_COMMANDS)[number];

export interface StepParams {
  /** Answers to pending capability calls, by id. */
  answers?: Answer[];
  /** Stop with `paused` after this many instructions (debugger stepping). */
  maxInstructions?: number;
}

export type Request =
  | { v: 1; type: 'request'; id: number; op: 'ping' }
  | { v: 1; type: 'request'; id: number; op: 'open'; session: string; params: OpenParams }
  | { v: 1; type: 'request'; id: number; op: 'step'; session: string; params: StepParams }
  | { v: 1; type: 'request'; id: number; op: 'pause' | 'cancel' | 'close'; session: string }
  | { v: 1; type: 'request'; id: number; op: 'snapshot'; session: string; params: { key: string } }
  | { v: 1; type: 'request'; id: number; op: 'debug'; session: string; params: { command: DebugCommand; args?: Record<string, unknown> } };

export type RequestOp = Request['op'];

/** A failure as data: the kind of core error, or 'Protocol' / 'Internal'. */
export interface WireError {
  kind: 'Parse' | 'Validation' | 'Runtime' | 'Limit' | 'Serialization' | 'Capability' | 'Protocol' | 'Internal';
  name: string;
  message: string;
  /** LimitError: which limit. */
  limit?: string;
  /** LimitError: the limit in force and the figure reached. */
  limitValue?: number;
  reached?: number;
  /** LimitError: the statement that crossed it. */
  location?: { line: number; column: number; endLine: number; endColumn: number };
  /** ParseError / ValidationError diagnostics, formatted `line:col CODE message`. */
  diagnostics?: { code: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
  /** RuntimeError: the guest stack. */
  stack?: string;
}

/** Budget figures of a session, sampled after every slice. */
export interface BudgetSample {
  instructions: number;
  heapBytes: number;
  allocations: number;
  /** Frames on the stack when the sample was taken. */
  callDepth: number;
  /** The most frames the run has had at once so far. */
  peakCallDepth: number;
  pendingCalls: number;
}

export type StepResult = Outcome & { budget: BudgetSample };

export type Response =
  | { v: 1; type: 'response'; id: number; ok: true; result: unknown }
  | { v: 1; type: 'response'; id: number; ok: false; error: WireError };

export type SessionEvent =
  | { v: 1; type: 'event'; session: string; event: 'console'; level: string; text: string }
  | { v: 1; type: 'event'; session: string; event: 'budget'; budget: BudgetSample };

export type SidecarMessage =
  | Response
  | SessionEvent
  | { v: 1; type: 'heartbeat'; t: number }
  | { v: 1; type: 'ready'; pid: number; coreVersion: string; protocol: number };

const v = { const: PROTOCOL_VERSION };
const id = { type: 'integer', minimum: 0 };

/** One request variant: the envelope, its op, and (when given) the session and params schemas. */
function request(op: object, params?: object, session = true): object {
  return {
    type: 'object',
    required: ['v', 'type', 'id', 'op', ...(session ? ['session'] : []), ...(params ? ['params'] : [])],
    additionalProperties: false,
    properties: { v, type: { const: 'request' }, id, op, ...(session ? { session: SESSION } : {}), ...(params ? { params } : {}) },
  };
}

/** A params object with exactly these properties. */
function params(properties: Record<string, unknown>, required: string[] = []): object {
  return { type: 'object', required, additionalProperties: false, properties };
}

const KEY = { type: 'string', minLength: 1, maxLength: 1024 };
const LIMIT_NAMES = ['instructions', 'heapBytes', 'allocations', 'callDepth', 'outstandingHostCalls', 'timeMs'];

const REQUEST_SCHEMA = {
  oneOf: [
    request({ const: 'ping' }, undefined, false),
    request(
      { const: 'open' },
      params(
        {
          source: { type: 'string', maxLength: 4_000_000 },
          inputs: { type: 'object' },
          capabilities: {
            type: 'array',
            maxItems: 1000,
            items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, description: { type: 'string' }, args: {}, result: {} } },
          },
          limits: params(Object.fromEntries(LIMIT_NAMES.map((k) => [k, { type: 'number', minimum: 0 }]))),
          seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
          now: { type: 'number' },
          snapshot: { instanceof: 'Uint8Array' },
          key: KEY,
          debug: { type: 'boolean' },
        },
        ['source'],
      ),
    ),
    request({ const: 'debug' }, params({ command: { enum: [...DEBUG_COMMANDS] }, args: { type: 'object' } }, ['command'])),
    request(
      { const: 'step' },
      params({
        answers: {
          type: 'array',
          maxItems: 100000,
          items: params({ id: { type: 'integer', minimum: 1 }, value: {}, error: {} }, ['id']),
        },
        maxInstructions: { type: 'integer', minimum: 1 },
      }),
    ),
    request({ enum: ['pause', 'cancel', 'close'] }),
    request({ const: 'snapshot' }, params({ key: KEY }, ['key'])),
  ],
};

const BUDGET = {
  type: 'object',
  required: ['instructions', 'heapBytes', 'allocations', 'callDepth', 'peakCallDepth', 'pendingCalls'],
  properties: {
    instructions: { type: 'number' },
    heapBytes: { type: 'number' },
    allocations: { type: 'number' },
    callDepth: { type: 'number' },
    peakCallDepth: { type: 'number' },
    pendingCalls: { type: 'number' },
  },
};

const MESSAGE_SCHEMA = {
  oneOf: [
    { type: 'object', required: ['v', 'type', 'id', 'ok', 'result'], properties: { v, type: { const: 'response' }, id, ok: { const: true }, result: {} } },
    {
      type: 'object',
      required: ['v', 'type', 'id', 'ok', 'error'],
      properties: {
        v,
        type: { const: 'response' },
        id,
        ok: { const: false },
        error: { type: 'object', required: ['kind', 'name', 'message'], properties: { kind: { type: 'string' }, name: { type: 'string' }, message: { type: 'string' } } },
      },
    },
    {
      type: 'object',
      required: ['v', 'type', 'session', 'event', 'level', 'text'],
      properties: { v, type: { const: 'event' }, session: SESSION, event: { const: 'console' }, level: { type: 'string' }, text: { type: 'string' } },
    },
    { type: 'object', required: ['v', 'type', 'session', 'event', 'budget'], properties: { v, type: { const: 'event' }, session: SESSION, event: { const: 'budget' }, budget: BUDGET } },
    { type: 'object', required: ['v', 'type', 't'], properties: { v, type: { const: 'heartbeat' }, t: { type: 'number' } } },
    {
      type: 'object',
      required: ['v', 'type', 'pid', 'coreVersion', 'protocol'],
      properties: { v, type: { const: 'ready' }, pid: { type: 'integer' }, coreVersion: { type: 'string' }, protocol: { const: PROTOCOL_VERSION } },
    },
  ],
};

let ajv: Ajv | null = null;
let requestValidator: ValidateFunction | null = null;
let messageValidator: ValidateFunction | null = null;

function compiler(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: false });
    // snapshot bytes travel as Uint8Array (structured clone); JSON Schema has no binary type
    ajv.addKeyword({ keyword: 'instanceof', validate: (_schema: string, data: unknown) => data instanceof Uint8Array });
  }
  return ajv;
}

/** One validator per request op (the oneOf branch for it), for precise refusal messages. */
let opValidators: Map<string, ValidateFunction> | null = null;

function validatorForOp(op: unknown): ValidateFunction | null {
  if (typeof op !== 'string') return null;
  if (!opValidators) {
    opValidators = new Map();
    for (const branch of REQUEST_SCHEMA.oneOf as { properties: { op: { const?: string; enum?: string[] } } }[]) {
      const v = compiler().compile(branch);
      for (const name of branch.properties.op.const !== undefined ? [branch.properties.op.const] : (branch.properties.op.enum ?? [])) opValidators.set(name, v);
    }
  }
  return opValidators.get(op) ?? null;
}

/** Null when `m` is a well-formed request, else why not. */
export function checkRequest(m: unknown): string | null {
  requestValidator ??= compiler().compile(REQUEST_SCHEMA);
  if (requestValidator(m)) return null;
  // a known op: say what is wrong with it (the oneOf errors mix every branch's complaints)
  const own = m !== null && typeof m === 'object' ? validatorForOp((m as { op?: unknown }).op) : null;
  if (own && !own(m)) return describe(m, own);
  return describe(m, requestValidator);
}

/** Null when `m` is a well-formed sidecar message, else why not. */
export function checkMessage(m: unknown): string | null {
  messageValidator ??= compiler().compile(MESSAGE_SCHEMA);
  if (messageValidator(m)) return null;
  return describe(m, messageValidator);
}

function describe(m: unknown, validate: ValidateFunction): string {
  if (m === null || typeof m !== 'object') return `not an object (${m === null ? 'null' : typeof m})`;
  const o = m as { v?: unknown; type?: unknown; op?: unknown };
  if (o.v !== PROTOCOL_VERSION) return `unsupported protocol version ${JSON.stringify(o.v)} (expected ${PROTOCOL_VERSION})`;
  const e = validate.errors?.find((x) => x.keyword !== 'oneOf' && x.keyword !== 'const') ?? validate.errors?.[0];
  const what = typeof o.op === 'string' ? `${String(o.type)} ${o.op.slice(0, 40)}` : String(o.type).slice(0, 40);
  return `malformed ${what}: ${e ? `${e.instancePath || '/'} ${e.message}` : 'does not match the protocol'}`;
}
