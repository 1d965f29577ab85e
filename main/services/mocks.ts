/**
 * The mocks service: checks mocks files and JSON Schemas for the capabilities panel. The
 * renderer's CSP forbids the code generation ajv needs, so schemas are compiled here, with
 * the same ajv (draft-07) core uses on every capability call.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import MOCKS_SCHEMA from '../../docs/mocks.schema.json';
import { checkMocks, mockCapabilities } from '../../core/cli/mocks';
import type { MockProblem, SchemaCheck } from '../../preload/api';
import { RequestError } from './errors';

/** The host's file dialogs (Electron); absent in browser mode, where the renderer downloads. */
export interface MockDialogs {
  /** Asks where to save a file; the chosen path, or null when cancelled. */
  saveFile(suggestedName: string): Promise<string | null>;
}

/** `mocks.export`: the user picks where; the text must be a JSON object (a mocks file). */
export async function exportMocks(params: unknown, dialogs: MockDialogs | undefined): Promise<{ name: string } | null> {
  if (!isObject(params) || typeof params.name !== 'string' || typeof params.text !== 'string') throw new RequestError('params must be { name, text }');
  if (!dialogs) throw new RequestError('Export saves through the browser here: use the download');
  if (params.text.length > MAX_JSON) throw new RequestError('the mocks file is too large to export');
  try {
    if (!isObject(JSON.parse(params.text))) throw new Error('not an object');
  } catch {
    throw new RequestError('only a mocks file (a JSON object) can be exported');
  }
  const name = basename(params.name).replace(/[^\w.-]/g, '_') || 'mocks.json';
  const path = await dialogs.saveFile(name);
  if (path === null) return null;
  try {
    await writeFile(path, params.text, 'utf8');
  } catch (e) {
    throw new RequestError(`Could not write ${basename(path)}: ${(e as NodeJS.ErrnoException).code ?? 'write failed'}`);
  }
  return { name: basename(path) };
}

/** Larger inputs are refused: the panel edits hand-written schemas, not data dumps. */
const MAX_JSON = 1_000_000;

let lenient: Ajv | null = null;
let strict: Ajv | null = null;
let fileValidator: ValidateFunction | null = null;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function size(v: unknown, what: string): void {
  let text: string | undefined;
  try {
    text = JSON.stringify(v);
  } catch {
    throw new RequestError(`${what} must be JSON`);
  }
  if (text !== undefined && text.length > MAX_JSON) throw new RequestError(`${what} is too large (over ${MAX_JSON} characters of JSON)`);
}

/** `/capabilities/a/args` → `capabilities.a.args`, `/0/x` under `root` → `root[0].x`. */
function dotted(pointer: string, root = ''): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = root;
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** One ajv error as core words it: `arguments[0].level must be equal to one of the allowed values (…)`. */
function describe(e: ErrorObject, root: string): string {
  const where = dotted(e.instancePath, root) || root;
  let detail = '';
  if (e.keyword === 'additionalProperties') detail = ` '${(e.params as { additionalProperty: string }).additionalProperty}'`;
  if (e.keyword === 'enum') detail = ` (${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`;
  if (e.keyword === 'required') return `${where} must have property '${(e.params as { missingProperty: string }).missingProperty}'`;
  return `${where} ${e.message ?? 'is invalid'}${detail}`.trim();
}

/** Compiles `schema` as core would (lenient) and reports unknown keywords and the like as warnings (strict). */
function compileSchema(schema: unknown): { validate: ValidateFunction | null; schemaError: string | null; warnings: string[] } {
  if (schema === true || schema === false) {
    lenient ??= new Ajv({ allErrors: true, strict: false });
    return { validate: lenient.compile(schema === true ? {} : { not: {} }), schemaError: null, warnings: [] };
  }
  if (!isObject(schema)) return { validate: null, schemaError: 'a JSON Schema is an object (or true / false)', warnings: [] };
  lenient ??= new Ajv({ allErrors: true, strict: false });
  let validate: ValidateFunction;
  try {
    // ajv caches by schema identity and by $id: compile a copy so an edited schema is never stale
    validate = lenient.compile(structuredClone(withoutId(schema)));
  } catch (e) {
    return { validate: null, schemaError: (e as Error).message, warnings: [] };
  }
  const warnings: string[] = [];
  strict ??= new Ajv({ allErrors: true, strict: true, logger: false });
  try {
    strict.compile(structuredClone(withoutId(schema)));
  } catch (e) {
    warnings.push((e as Error).message.replace(/^strict mode: /, ''));
  }
  return { validate, schemaError: null, warnings };
}

function withoutId(schema: Record<string, unknown>): Record<string, unknown> {
  const { $id: _id, ...rest } = schema;
  return rest;
}

/** `mocks.validate`: does the schema compile, and does `value` (when given) match it? */
export function validateSchema(params: unknown): SchemaCheck {
  if (!isObject(params) || !Object.hasOwn(params, 'schema')) throw new RequestError('params must be { schema, value?, root? }');
  const root = params.root === undefined ? 'value' : params.root;
  if (root !== 'value' && root !== 'arguments' && root !== 'result') throw new RequestError('root must be "arguments" or "result"');
  size(params.schema, 'schema');
  size(params.value, 'value');
  const { validate, schemaError, warnings } = compileSchema(params.schema);
  if (!validate || params.value === undefined) return { schemaError, warnings, errors: [] };
  if (validate(params.value)) return { schemaError, warnings, errors: [] };
  return { schemaError, warnings, errors: (validate.errors ?? []).map((e) => describe(e, root)) };
}

/**
 * `mocks.check`: every problem of a mocks file — its format (all of them, not just the
 * first), then the rules and scripts core's loader checks, then schemas that do not compile.
 */
export function checkMocksFile(params: unknown): { problems: MockProblem[] } {
  if (!isObject(params) || !Object.hasOwn(params, 'mocks')) throw new RequestError('params must be { mocks }');
  const data = params.mocks;
  size(data, 'mocks');
  lenient ??= new Ajv({ allErrors: true, strict: false });
  fileValidator ??= lenient.compile(MOCKS_SCHEMA);
  const problems: MockProblem[] = [];
  if (!fileValidator(data)) {
    const seen = new Set<string>();
    for (const e of fileValidator.errors ?? []) {
      // oneOf branches repeat each other; keep one line per place and message
      if (e.keyword === 'oneOf' || e.keyword === 'const') continue;
      const path = dotted(e.instancePath);
      const message = describe({ ...e, instancePath: '' }, '').trim() || (e.message ?? 'is invalid');
      const key = `${path}\u0000${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ path, message });
    }
  }
  if (!problems.length) {
    try {
      // scripts are compiled by the loader: a script that does not parse is reported here
      mockCapabilities(checkMocks(data, 'mocks'), 'mocks', { askUser: true });
    } catch (e) {
      const m = /^mocks: (capabilities\.[A-Za-z_$][\w$]*(?:\.[\w$[\]]+)*)(?::| has)\s*(.*)$/s.exec((e as Error).message);
      problems.push(m ? { path: m[1], message: m[2] } : { path: '', message: (e as Error).message.replace(/^mocks: /, '') });
    }
  }
  const caps = isObject(data) && isObject(data.capabilities) ? data.capabilities : {};
  for (const [name, spec] of Object.entries(caps)) {
    if (!isObject(spec)) continue;
    for (const key of ['args', 'result'] as const) {
      if (!Object.hasOwn(spec, key)) continue;
      const { schemaError } = compileSchema(spec[key]);
      if (schemaError) problems.push({ path: `capabilities.${name}.${key}`, message: `invalid JSON Schema: ${schemaError}` });
    }
  }
  return { problems };
}
