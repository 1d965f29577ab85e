/**
 * Mocks files (`--mocks`, and `export --capabilities`): capability declarations and, per
 * capability, a mock — a fixed result, a sequence, an error, a script run in its own
 * sandbox, or "ask" (the user answers, in the IDE) — plus a simulated latency the IDE
 * honours. The format is docs/mocks.schema.json (checked with ajv; see docs/MOCKS.md),
 * shared with the IDE's capabilities panel and its session service.
 */
import { Ajv, type ErrorObject } from 'ajv';
import MOCKS_SCHEMA from '../../docs/mocks.schema.json';
import { readTextFile } from '../host/files';
import {
  CapabilityError,
  CapabilityFailure,
  compile,
  formatDiagnostic,
  LimitError,
  ParseError,
  RuntimeError,
  runSync,
  ValidationError,
  type Capability,
  type CompiledProgram,
  type JSONSchema,
  type Limits,
} from '../index';
import { UsageError } from './args';

type ErrorSpec = string | { name?: string; message: string };
type Step = { returns: unknown } | { error: ErrorSpec };

/** One capability entry of a mocks file. */
export interface MockSpec {
  description?: string;
  args?: JSONSchema;
  result?: JSONSchema;
  returns?: unknown;
  sequence?: Step[];
  exhausted?: 'error' | 'repeat-last' | 'cycle';
  error?: ErrorSpec;
  script?: string | string[];
  /** The user answers each call (in the IDE); a string is the question shown with the call. */
  ask?: true | string;
  /** Simulated latency of a mocked answer in the IDE (ms); `capsule run` answers at once. */
  latencyMs?: number;
}

/** A capability of a mocks file as the hosts use it: the declaration, its handler, and the IDE-only settings. */
export interface MockCapability extends Capability {
  /** Set for `ask` entries: the question (or true). Hosts with a user forward these calls. */
  ask?: true | string;
  latencyMs?: number;
}

export interface MocksFile {
  version?: 1;
  capabilities: Record<string, MockSpec>;
}

/** What scripts mocks run with: the main run's seed, clock and console. */
export interface MockContext {
  seed?: number;
  now?: () => number;
  onConsole?: (level: 'log' | 'info' | 'warn' | 'error' | 'debug', text: string) => void;
  limits?: Partial<Limits>;
  /**
   * Hosts with a user (the IDE) pass true: `ask` entries get no handler and their calls
   * are forwarded. Otherwise (the CLI) calling one ends the run with a CapabilityError.
   */
  askUser?: boolean;
}

const KINDS = ['returns', 'sequence', 'error', 'script', 'ask'] as const;

let validate: ReturnType<Ajv['compile']> | null = null;

function errorPath(e: ErrorObject): string {
  return e.instancePath
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
}

/** Reads and checks a mocks file; every problem is a UsageError naming the file. */
export function readMocksFile(path: string, flag: string, where: string): MocksFile {
  const origin = `${where}: ${flag} file '${path}'`;
  let text: string;
  try {
    text = readTextFile(path);
  } catch (err) {
    throw new UsageError(`${where}: ${flag}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${origin} is not valid JSON (${(err as Error).message.replace(/\s+/g, ' ')})`);
  }
  return checkMocks(data, origin);
}

/** Checks parsed mocks data against the schema and the one-mock-per-capability rule. */
export function checkMocks(data: unknown, origin: string): MocksFile {
  validate ??= new Ajv({ allErrors: false, strict: false }).compile(MOCKS_SCHEMA);
  // the clearest message first: two mock kinds on one capability
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const caps = (data as { capabilities?: unknown }).capabilities;
    if (caps !== null && typeof caps === 'object' && !Array.isArray(caps)) {
      for (const [name, spec] of Object.entries(caps)) {
        if (spec === null || typeof spec !== 'object') continue;
        const kinds = KINDS.filter((k) => Object.hasOwn(spec, k));
        if (kinds.length > 1) throw new UsageError(`${origin}: capabilities.${name} has more than one mock (${kinds.join(', ')}); give one of ${KINDS.join(', ')}`);
        if (Object.hasOwn(spec, 'exhausted') && kinds[0] !== 'sequence') throw new UsageError(`${origin}: capabilities.${name}: "exhausted" only applies to a sequence`);
      }
    }
  }
  if (!validate(data)) {
    const e = validate.errors![0];
    const at = errorPath(e) || '(top level)';
    const extra = e.keyword === 'additionalProperties' ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'` : '';
    const allowed = e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})` : '';
    throw new UsageError(`${origin}: ${at}: ${e.message}${extra}${allowed} (see docs/MOCKS.md)`);
  }
  return data as MocksFile;
}

function failure(spec: ErrorSpec): CapabilityFailure {
  return typeof spec === 'string' ? new CapabilityFailure(spec) : new CapabilityFailure(spec.message, spec.name ?? 'Error');
}

function compileScript(name: string, script: string | string[], origin: string): CompiledProgram {
  const source = Array.isArray(script) ? script.join('\n') : script;
  try {
    return compile(source, { globals: ['args', 'call'] });
  } catch (err) {
    const label = `capabilities.${name}.script`;
    if (err instanceof ParseError) throw new UsageError(`${origin}: ${formatDiagnostic(label, err.diagnostic)}`);
    if (err instanceof ValidationError) throw new UsageError(`${origin}: ${err.diagnostics.map((d) => formatDiagnostic(label, d)).join('; ')}`);
    throw err;
  }
}

/** The handler that answers calls to `name` as `spec` says, or undefined for a declaration only (and forwarded asks). */
function mockHandler(name: string, spec: MockSpec, origin: string, ctx: MockContext): Capability['handler'] {
  if (spec.ask !== undefined) {
    if (ctx.askUser) return undefined;
    return () => {
      throw new CapabilityError(`capability ${name} asks the user ("ask" in the mocks file), and there is no one to ask here: give it a returns, sequence, error or script mock`);
    };
  }
  if (Object.hasOwn(spec, 'returns')) {
    const value = spec.returns;
    return () => value;
  }
  if (spec.error !== undefined) {
    const e = spec.error;
    return () => {
      throw failure(e);
    };
  }
  if (spec.sequence) {
    const steps = spec.sequence;
    const exhausted = spec.exhausted ?? 'error';
    let n = 0;
    return () => {
      let i = n++;
      if (i >= steps.length) {
        if (exhausted === 'error') throw new CapabilityFailure(`mock ${name}: no answer for call ${i + 1} (the sequence has ${steps.length})`);
        i = exhausted === 'cycle' ? i % steps.length : steps.length - 1;
      }
      const step = steps[i];
      if ('error' in step) throw failure(step.error);
      return step.returns;
    };
  }
  if (spec.script !== undefined) {
    const program = compileScript(name, spec.script, origin);
    let call = 0;
    return (...args: unknown[]) => {
      try {
        return runSync(program, {
          inputs: { args, call: call++ },
          seed: ctx.seed,
          now: ctx.now,
          limits: ctx.limits,
          onConsole: ctx.onConsole ? (level, text) => ctx.onConsole!(level, `[mock ${name}] ${text}`) : undefined,
        }).value;
      } catch (err) {
        if (err instanceof RuntimeError) throw new CapabilityFailure(err.guestMessage, err.guestName || 'Error');
        if (err instanceof LimitError) throw new CapabilityError(`mock script of ${name}: ${err.message}`);
        throw err;
      }
    };
  }
  return undefined;
}

/** The capabilities a mocks file declares, with handlers for those it mocks. */
export function mockCapabilities(file: MocksFile, origin: string, ctx: MockContext = {}): MockCapability[] {
  return Object.entries(file.capabilities).map(([name, spec]) => {
    const handler = mockHandler(name, spec, origin, ctx);
    return {
      name,
      ...(spec.description !== undefined ? { description: spec.description } : {}),
      ...(spec.args !== undefined ? { args: spec.args } : {}),
      ...(spec.result !== undefined ? { result: spec.result } : {}),
      ...(handler ? { handler } : {}),
      ...(spec.ask !== undefined && ctx.askUser ? { ask: spec.ask } : {}),
      ...(spec.latencyMs !== undefined ? { latencyMs: spec.latencyMs } : {}),
    };
  });
}
