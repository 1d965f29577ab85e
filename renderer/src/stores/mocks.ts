/**
 * The mocks store: each script's mock set (`NAME.js` → `NAME.mocks.json`, docs/MOCKS.md), the
 * capabilities view's edits to it, and the live call log of the sessions.
 *
 * Files are read and written through the workspace store (`readFile`/`writeFile`), so an open
 * editor tab of a mocks file and the view show the same text; an open tab's unsaved text wins.
 * Checks need ajv, which the renderer's CSP forbids: `mocks.check`/`mocks.validate` in main.
 */
import { reactive, watch } from 'vue';
import type { CallRecord, MockProblem, SchemaCheck } from '../../../preload/api';
import { maybeApi, messageOf, whenConnected } from './bridge';
import { documents, readFile, workspace, writeFile } from './workspace';

/** An error a mock gives: a message, or a name and a message. */
export type ErrorSpec = string | { name?: string; message: string };
/** One answer of a sequence. */
export type Step = { returns: unknown } | { error: ErrorSpec };

/** One capability entry (docs/mocks.schema.json `capability`). */
export interface MockSpec {
  description?: string;
  args?: unknown;
  result?: unknown;
  returns?: unknown;
  sequence?: Step[];
  exhausted?: 'error' | 'repeat-last' | 'cycle';
  error?: ErrorSpec;
  script?: string | string[];
  ask?: true | string;
  latencyMs?: number;
}

/** A mocks file. */
export interface MocksData {
  $schema?: string;
  version?: 1;
  capabilities: Record<string, MockSpec>;
}

/** How a capability answers; `none` is a declaration only (the IDE asks the user, like `ask`). */
export type Behaviour = 'returns' | 'sequence' | 'error' | 'script' | 'ask' | 'none';

export const BEHAVIOURS: readonly { id: Behaviour; label: string }[] = [
  { id: 'returns', label: 'Fixed value' },
  { id: 'sequence', label: 'Sequence' },
  { id: 'error', label: 'Error' },
  { id: 'script', label: 'Scripted' },
  { id: 'ask', label: 'Ask me' },
  { id: 'none', label: 'Declaration only' },
];

/** A mocks file as the store knows it: the text it came from, the parsed data, or why it failed. */
interface LoadedFile {
  text: string;
  data: MocksData | null;
  error: string | null;
}

/** Sessions whose call logs are kept (the newest). */
const KEPT_SESSIONS = 20;
/** Calls kept per session. */
const KEPT_CALLS = 500;
/** Delay after the last edit in the view before the file is written. */
export const WRITE_DELAY_MS = 300;

export const mocks = reactive({
  /** Mocks files by workspace path, as last read or edited. */
  files: new Map<string, LoadedFile>(),
  /** Problems of mocks files (`mocks.check`), by path. */
  problems: new Map<string, MockProblem[]>(),
  /** The capability selected in the view. */
  selected: null as string | null,
  /** The last failure to read, write, import or export. */
  error: null as string | null,
  /** Call logs by session id (`session.call` events), oldest session first. */
  calls: new Map<string, CallRecord[]>(),
  /** The session that logged a call last. */
  latestSession: null as string | null,
});

/** The mocks file of a script: `a/b.js` → `a/b.mocks.json`. */
export function mocksPathFor(scriptPath: string): string {
  return scriptPath.replace(/\.[cm]?js$/, '') + '.mocks.json';
}

function parse(text: string): LoadedFile {
  try {
    const data: unknown = JSON.parse(text);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return { text, data: null, error: 'the file is not a JSON object' };
    const caps = (data as { capabilities?: unknown }).capabilities;
    if (caps === null || typeof caps !== 'object' || Array.isArray(caps)) return { text, data: null, error: '"capabilities" must be an object' };
    return { text, data: data as MocksData, error: null };
  } catch (error) {
    return { text, data: null, error: `not valid JSON: ${messageOf(error)}` };
  }
}

/** The loaded file at `path`, preferring an open tab's text (unsaved edits included). */
function current(path: string): LoadedFile | undefined {
  const doc = documents.get(path);
  const known = mocks.files.get(path);
  if (doc && known?.text !== doc.text) {
    const parsed = parse(doc.text);
    mocks.files.set(path, parsed);
    return parsed;
  }
  return known;
}

/** The mocks file (docs/MOCKS.md) for runs of `scriptPath`, if there is one. */
export function mocksFor(scriptPath: string): unknown {
  start();
  const path = mocksPathFor(scriptPath);
  const file = current(path);
  if (file === undefined) void load(path);
  return file?.data ?? undefined;
}

/**
 * The mocks file for a run of `scriptPath`, read first if the store does not have it yet (a
 * run started right after the workspace opened), with the view's pending edits written.
 */
export async function mocksForRun(scriptPath: string): Promise<unknown> {
  start();
  const path = mocksPathFor(scriptPath);
  await flush(path);
  if (current(path) === undefined) await load(path);
  return current(path)?.data ?? undefined;
}

/** The mocks file of `scriptPath` as the view shows it: data, or why it cannot be used. */
export function mockFileOf(scriptPath: string): { path: string; exists: boolean; data: MocksData | null; error: string | null } {
  start();
  const path = mocksPathFor(scriptPath);
  const file = current(path);
  if (file === undefined) void load(path);
  return { path, exists: file !== undefined || workspace.files.includes(path), data: file?.data ?? null, error: file?.error ?? null };
}

const loading = new Map<string, Promise<void>>();
/** Paths found missing (tried again when the workspace's file list changes). */
const missing = new Set<string>();

/** Reads a mocks file into the store (once at a time per path); a missing file is no error. */
export function load(path: string, force = false): Promise<void> {
  if (!force && (mocks.files.has(path) || loading.has(path) || missing.has(path))) return loading.get(path) ?? Promise.resolve();
  if (!maybeApi()) return Promise.resolve();
  const work = (async () => {
    try {
      const parsed = parse(await readFile(path));
      mocks.files.set(path, parsed);
      missing.delete(path);
      if (parsed.data) void check(path, parsed.data);
    } catch (error) {
      // no mocks file is fine: the view offers to create one
      missing.add(path);
      if (workspace.files.includes(path)) mocks.error = `Could not read ${path}: ${messageOf(error)}`;
    } finally {
      loading.delete(path);
    }
  })();
  loading.set(path, work);
  return work;
}

/** Asks main for every problem of a mocks file (format, scripts, schemas). */
async function check(path: string, data: MocksData): Promise<void> {
  const api = maybeApi();
  if (!api) return;
  try {
    const { problems } = await api.invoke('mocks.check', { mocks: data });
    mocks.problems.set(path, problems);
  } catch (error) {
    mocks.problems.set(path, [{ path: '', message: messageOf(error) }]);
  }
}

// ---- editing ---------------------------------------------------------------------------------

const writeTimers = new Map<string, ReturnType<typeof setTimeout>>();
const pendingWrites = new Map<string, string>();
/** Per path, the last write: writes of one file go out one after another, never overlapping. */
const writing = new Map<string, Promise<void>>();

/** The JSON text the view writes: two-space indent, a final newline. */
export function format(data: MocksData): string {
  return JSON.stringify(data, null, 2) + '\n';
}

/**
 * Replaces a mocks file's data: the store (and so the next run) has it at once; the file is
 * written through the workspace a moment later (edits in quick succession are one write).
 */
export function commit(path: string, data: MocksData): void {
  const text = format(data);
  mocks.files.set(path, { text, data, error: null });
  const doc = documents.get(path);
  if (doc) doc.text = text;
  pendingWrites.set(path, text);
  clearTimeout(writeTimers.get(path));
  writeTimers.set(
    path,
    setTimeout(() => void flush(path), WRITE_DELAY_MS),
  );
}

/** Writes a pending edit now (also before a run, so the file on disk matches what runs). */
export async function flush(path?: string): Promise<void> {
  const paths = path === undefined ? [...pendingWrites.keys()] : [path];
  await Promise.all(
    paths.map(async (p) => {
      const text = pendingWrites.get(p);
      if (text === undefined) return;
      clearTimeout(writeTimers.get(p));
      writeTimers.delete(p);
      pendingWrites.delete(p);
      const previous = writing.get(p) ?? Promise.resolve();
      const work = previous.then(async () => {
        try {
          await writeFile(p, text);
          mocks.error = null;
        } catch (error) {
          mocks.error = `Could not save ${p}: ${messageOf(error)}`;
        }
      });
      writing.set(p, work);
      await work;
      if (writing.get(p) === work) writing.delete(p);
      const data = mocks.files.get(p)?.data;
      if (data) await check(p, data);
    }),
  );
}

function dataOf(path: string): MocksData {
  const file = current(path);
  if (file?.data) return structuredClone(JSON.parse(JSON.stringify(file.data)) as MocksData);
  if (file?.error) throw new Error(`${path} cannot be edited here: ${file.error}`);
  return { $schema: 'https://capsule.dev/schemas/mocks.schema.json', version: 1, capabilities: {} };
}

/** A capability name: a JavaScript identifier. */
export const NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Adds a capability (a fixed value of null to start from); returns its name. */
export function addCapability(path: string, wanted = 'newCapability'): string {
  const data = dataOf(path);
  let name = wanted;
  for (let i = 2; Object.hasOwn(data.capabilities, name); i++) name = `${wanted}${i}`;
  data.capabilities[name] = { description: '', returns: null };
  commit(path, data);
  mocks.selected = name;
  return name;
}

/** Replaces one capability's entry (its place in the file is kept). */
export function updateCapability(path: string, name: string, spec: MockSpec): void {
  const data = dataOf(path);
  data.capabilities[name] = clean(spec);
  commit(path, data);
}

/** Renames a capability; an error message when the name is taken or not an identifier. */
export function renameCapability(path: string, from: string, to: string): string | null {
  if (!NAME.test(to)) return 'A capability name is a JavaScript identifier (letters, digits, _ and $; not starting with a digit)';
  if (from === to) return null;
  const data = dataOf(path);
  if (Object.hasOwn(data.capabilities, to)) return `There is already a capability named ${to}`;
  data.capabilities = Object.fromEntries(Object.entries(data.capabilities).map(([k, v]) => [k === from ? to : k, v]));
  commit(path, data);
  if (mocks.selected === from) mocks.selected = to;
  return null;
}

export function deleteCapability(path: string, name: string): void {
  const data = dataOf(path);
  delete data.capabilities[name];
  commit(path, data);
  if (mocks.selected === name) mocks.selected = null;
}

/** Drops empty optional fields so the file stays tidy. */
function clean(spec: MockSpec): MockSpec {
  const out: MockSpec = { ...spec };
  if (out.description === '') delete out.description;
  if (out.latencyMs === undefined || Number.isNaN(out.latencyMs)) delete out.latencyMs;
  for (const k of Object.keys(out) as (keyof MockSpec)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** Which behaviour an entry has. */
export function behaviourOf(spec: MockSpec): Behaviour {
  if (Object.hasOwn(spec, 'returns')) return 'returns';
  if (spec.sequence !== undefined) return 'sequence';
  if (spec.error !== undefined) return 'error';
  if (spec.script !== undefined) return 'script';
  if (spec.ask !== undefined) return 'ask';
  return 'none';
}

/** The entry with another behaviour: the declarations and latency stay, the old mock goes. */
export function withBehaviour(spec: MockSpec, behaviour: Behaviour): MockSpec {
  const { returns: _r, sequence: _s, exhausted: _e, error: _x, script: _c, ask: _a, ...rest } = spec;
  switch (behaviour) {
    case 'returns':
      return { ...rest, returns: null };
    case 'sequence':
      return { ...rest, sequence: [{ returns: null }] };
    case 'error':
      return { ...rest, error: { name: 'Error', message: 'service unavailable' } };
    case 'script':
      return { ...rest, script: ['const [query] = args;', '({ query, call })'] };
    case 'ask':
      return { ...rest, ask: true };
    case 'none':
      return rest;
  }
}

// ---- import / export -----------------------------------------------------------------------

/** Checks an imported text as a mocks file; returns the data or throws a readable error. */
export async function parseImport(text: string): Promise<MocksData> {
  const parsed = parse(text);
  if (!parsed.data) throw new Error(`This is not a mocks file: ${parsed.error}`);
  const api = maybeApi();
  if (api) {
    const { problems } = await api.invoke('mocks.check', { mocks: parsed.data });
    if (problems.length) throw new Error(`This mocks file has problems: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`);
  }
  return parsed.data;
}

// ---- schema help ---------------------------------------------------------------------------

/** Starting points for argument and result schemas. */
export const SCHEMA_TEMPLATES: readonly { id: string; label: string; schema: unknown }[] = [
  {
    id: 'args-object',
    label: 'Arguments: one object with properties',
    schema: { type: 'array', items: [{ type: 'object', required: ['id'], properties: { id: { type: 'string' }, limit: { type: 'integer', minimum: 1 } } }], minItems: 1, maxItems: 1 },
  },
  { id: 'args-two', label: 'Arguments: a string and a number', schema: { type: 'array', items: [{ type: 'string' }, { type: 'number' }], minItems: 2, maxItems: 2 } },
  { id: 'object', label: 'Object with properties', schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, count: { type: 'integer' } } } },
  { id: 'array', label: 'Array of objects', schema: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } } },
  { id: 'enum', label: 'String enum', schema: { type: 'string', enum: ['low', 'medium', 'high'] } },
  { id: 'boolean', label: 'Boolean', schema: { type: 'boolean' } },
  { id: 'number', label: 'Number in a range', schema: { type: 'number', minimum: 0, maximum: 100 } },
];

/** `mocks.validate` in main: does the schema compile, does the value match? */
export async function validateSchema(schema: unknown, value?: unknown, root?: 'arguments' | 'result'): Promise<SchemaCheck> {
  const api = maybeApi();
  if (!api) return { schemaError: null, warnings: [], errors: [] };
  return api.invoke('mocks.validate', { schema, ...(value !== undefined ? { value } : {}), ...(root ? { root } : {}) });
}

// ---- the call log ----------------------------------------------------------------------------

/** The call log of a session, in call order. */
export function callsOf(sessionId: string | null): CallRecord[] {
  return sessionId === null ? [] : (mocks.calls.get(sessionId) ?? []);
}

function logCall(sessionId: string, call: CallRecord): void {
  let list = mocks.calls.get(sessionId);
  if (!list) {
    list = [];
    mocks.calls.set(sessionId, list);
    while (mocks.calls.size > KEPT_SESSIONS) mocks.calls.delete(mocks.calls.keys().next().value!);
  }
  const i = list.findIndex((c) => c.id === call.id);
  if (i >= 0) list[i] = call;
  else {
    list.push(call);
    if (list.length > KEPT_CALLS) list.splice(0, list.length - KEPT_CALLS);
  }
  mocks.latestSession = sessionId;
}

/** Clears the shown call log. */
export function clearLog(): void {
  mocks.calls.clear();
  mocks.latestSession = null;
}

let started = false;

/** Subscribes to the call log and follows the active script (once, on first use). */
export function start(): void {
  if (started) return;
  started = true;
  whenConnected((api) => {
    api.on('session.call', (e) => logCall(e.id, e.call));
    // a script becoming active: make sure its mocks are loaded
    watch(
      () => [workspace.active, workspace.files.length] as const,
      ([active]) => {
        missing.clear();
        if (active) void load(mocksPathFor(active));
      },
      { immediate: true },
    );
  });
}
