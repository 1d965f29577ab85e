/**
 * The escape corpus harness: loads the guest programs under test/security/escapes, plants
 * canaries on the host (a secret in a host variable and in the environment, a file path
 * nothing may create, the state of the host's intrinsics and globals), runs a program with
 * a set of hostile-friendly capabilities and inputs, and reports every canary that fired and
 * every trace of the host (paths, frames, source text) in what the guest returned or printed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CapabilityError, CapabilityFailure, LimitError, ParseError, run, RuntimeError, ValidationError, type StartOptions } from '../../core/index';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ESCAPES = join(import.meta.dirname, 'escapes');
export const PRELUDE = readFileSync(join(ESCAPES, '_prelude.js'), 'utf8');

/** What the header of a corpus program declares. */
export interface Technique {
  id: string;
  technique: string;
  source: string;
  /** `result` (the run completes), `runtime` (uncaught guest error), `rejected` (validator), `limit:NAME`. */
  expect: string;
  /** Also run through the CLI, in-process and in the sidecar (`capsule run --isolate --json`). */
  cli: boolean;
  file: string;
  body: string;
}

/** Parses `// key: value` header lines (the first comment block of the file). */
export function loadCorpus(): Technique[] {
  const out: Technique[] = [];
  for (const name of readdirSync(ESCAPES).sort()) {
    if (!name.endsWith('.js') || name.startsWith('_')) continue;
    const body = readFileSync(join(ESCAPES, name), 'utf8');
    const header: Record<string, string> = {};
    for (const line of body.split('\n')) {
      if (!line.startsWith('//')) break;
      const m = /^\/\/\s*(id|technique|source|expect|cli):\s*(.*)$/.exec(line);
      if (m) header[m[1]] = header[m[1]] ? `${header[m[1]]} ${m[2].trim()}` : m[2].trim();
    }
    for (const k of ['id', 'technique', 'source', 'expect']) {
      if (!header[k]) throw new Error(`${name}: header field '${k}' missing`);
    }
    out.push({ id: header.id, technique: header.technique, source: header.source, expect: header.expect, cli: header.cli === 'yes', file: name, body });
  }
  return out;
}

// ---- canaries ------------------------------------------------------------------------------

export const SECRET = `canary-${randomBytes(12).toString('hex')}`;
const CANARY_DIR = mkdtempSync(join(tmpdir(), 'capsule-canary-'));
export const CANARY_FILE = join(CANARY_DIR, 'escaped.txt');

/** Plants the secret in the environment and as a host global; the canary file must never appear. */
export function plantCanaries(): void {
  process.env.CAPSULE_CANARY_SECRET = SECRET;
  process.env.CAPSULE_CANARY_FILE = CANARY_FILE;
  (globalThis as Record<string, unknown>).CAPSULE_CANARY_SECRET = SECRET;
}

const INTRINSICS: [string, object][] = [
  ['globalThis', globalThis],
  ['Object', Object],
  ['Object.prototype', Object.prototype],
  ['Function', Function],
  ['Function.prototype', Function.prototype],
  ['Array', Array],
  ['Array.prototype', Array.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Boolean.prototype', Boolean.prototype],
  ['Symbol', Symbol],
  ['Symbol.prototype', Symbol.prototype],
  ['BigInt.prototype', BigInt.prototype],
  ['Error', Error],
  ['Error.prototype', Error.prototype],
  ['TypeError.prototype', TypeError.prototype],
  ['RangeError.prototype', RangeError.prototype],
  ['Promise', Promise],
  ['Promise.prototype', Promise.prototype],
  ['RegExp', RegExp],
  ['RegExp.prototype', RegExp.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['Date.prototype', Date.prototype],
  ['JSON', JSON],
  ['Math', Math],
  ['Reflect', Reflect],
  ['Iterator.prototype', Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))],
  ['AsyncFunction.prototype', Object.getPrototypeOf(async () => {})],
  ['GeneratorFunction.prototype', Object.getPrototypeOf(function* () {})],
  ['process', process],
  ['process.env', process.env],
];

type Fingerprint = Map<string, string>;
const ids = new Map<unknown, number>();
const idOf = (v: unknown): string => {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return typeof v === 'symbol' ? v.toString() : `${typeof v}:${String(v)}`;
  let id = ids.get(v);
  if (id === undefined) ids.set(v, (id = ids.size));
  return `#${id}`;
};

/** Own keys, descriptors (by identity), extensibility and prototype of every host intrinsic. */
export function hostState(): Fingerprint {
  const fp: Fingerprint = new Map();
  for (const [name, o] of INTRINSICS) {
    fp.set(`${name} [[Prototype]]`, idOf(Object.getPrototypeOf(o)));
    fp.set(`${name} [[Extensible]]`, String(Object.isExtensible(o)));
    for (const k of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, k)!;
      const key = `${name}.${String(k)}`;
      // process.env values: only the canaries matter; other variables may change under the test runner
      if (name === 'process.env' && !String(k).startsWith('CAPSULE_')) continue;
      if (name === 'process' && !['mainModule', 'binding', 'dlopen', 'env', 'exit', 'kill', 'abort'].includes(String(k))) continue;
      if (name === 'globalThis' && typeof d.value !== 'function' && d.get === undefined && !String(k).startsWith('CAPSULE')) {
        fp.set(key, 'data');
        continue;
      }
      fp.set(key, `${'value' in d ? idOf(d.value) : ''}|${idOf(d.get)}|${idOf(d.set)}|${d.writable}|${d.enumerable}|${d.configurable}`);
    }
  }
  return fp;
}

/** The differences between two host states (added, removed, changed keys). */
export function stateDiff(before: Fingerprint, after: Fingerprint): string[] {
  const out: string[] = [];
  for (const [k, v] of after) if (before.get(k) !== v) out.push(`${before.has(k) ? 'changed' : 'added'}: ${k}`);
  for (const k of before.keys()) if (!after.has(k)) out.push(`removed: ${k}`);
  return out;
}

// ---- what the guest produced -----------------------------------------------------------------

/** Everything a run let the guest say: its result, console lines, the error the host got. */
export interface GuestOutput {
  outcome: 'result' | 'runtime' | 'rejected' | 'limit' | 'capability' | 'host-fault';
  limit?: string;
  texts: string[];
  value?: unknown;
}

const HOST_PATHS = [ROOT, resolve(ROOT, '../main'), '/work/', 'node_modules', 'file://', 'node:internal', CANARY_DIR];
const HOST_FRAME = [/\bat .*\((?:\/|file:|node:)/, /\.(?:ts|mjs|cjs):\d+/, /\bat (?:Object\.|Module\.|VM\.|Execution\.|new [A-Z])/];
/** Identifiers of core's own source and of the bundler: their appearance means host source text leaked. */
const HOST_SOURCE = ['GuestError', 'GuestThrow', 'nativeImpl', 'JSObject', 'vm.realm', 'this.limits', '__name(', 'registerNative', 'import_', 'CapabilitySet', 'toHostStrict'];

/** Every trace of the host or a canary in the guest's output. */
export function leaks(out: GuestOutput): string[] {
  const found: string[] = [];
  for (const t of out.texts) {
    if (t.includes(SECRET)) found.push(`secret in: ${t.slice(0, 200)}`);
    if (t.includes('ESCAPED:')) found.push(`technique reports success: ${t.slice(t.indexOf('ESCAPED:'), t.indexOf('ESCAPED:') + 200)}`);
    for (const p of HOST_PATHS) if (t.includes(p)) found.push(`host path ${p} in: ${t.slice(Math.max(0, t.indexOf(p) - 80), t.indexOf(p) + 80)}`);
    for (const r of HOST_FRAME) if (r.test(t)) found.push(`host frame ${r} in: ${t.slice(0, 300)}`);
    for (const s of HOST_SOURCE) if (t.includes(s)) found.push(`host source '${s}' in: ${t.slice(Math.max(0, t.indexOf(s) - 80), t.indexOf(s) + 80)}`);
  }
  return found;
}

/** A JSON text of any host value the core handed back (bigints and undefined spelled out). */
export function textOf(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x === undefined ? '<undefined>' : x)) ?? String(v);
}

// ---- the host the guest meets --------------------------------------------------------------

/** The object `shared()` returns every time: the guest must only ever get copies of it. */
export const HOST_SHARED = { count: 0, list: [1, 2, 3], inner: { flag: false } };
const HOST_SHARED_TEXT = JSON.stringify(HOST_SHARED);

/** Host-side findings of the capability handlers (a function or a foreign prototype reached them). */
export const handlerFindings: string[] = [];

function checkArg(v: unknown, path: string): void {
  if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') handlerFindings.push(`${path}: a ${typeof v} reached the host`);
  if (v === null || typeof v !== 'object') return;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== Array.prototype) handlerFindings.push(`${path}: foreign prototype reached the host`);
  for (const k of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, k)!;
    if (d.get || d.set) handlerFindings.push(`${path}.${String(k)}: accessor reached the host`);
    else checkArg(d.value, `${path}.${String(k)}`);
  }
}

/** The capabilities every corpus program is given. */
export function capabilities(): NonNullable<StartOptions['capabilities']> {
  return {
    echo: (...args: unknown[]) => {
      args.forEach((a, i) => checkArg(a, `echo() arguments[${i}]`));
      // a host handler that spreads and merges what it got, as real handlers do
      const merged: Record<string, unknown> = {};
      for (const a of args) if (a && typeof a === 'object' && !Array.isArray(a)) Object.assign(merged, { ...a });
      return { args, merged, polluted: ({} as Record<string, unknown>).polluted ?? null };
    },
    getUser: async (id: unknown) => ({ id, name: 'ada', tags: ['admin'], nested: { deep: [1, { x: 2 }] } }),
    protoResult: () => JSON.parse('{"__proto__": {"polluted": "from-host"}, "constructor": {"prototype": {"polluted": "from-host"}}, "ok": 1}'),
    fail: () => {
      throw new Error(`database at ${ROOT}/secrets.db refused: ${SECRET}`);
    },
    failVisible: () => {
      throw new CapabilityFailure('no such record', 'NotFound');
    },
    slow: () => new Promise((r) => setImmediate(() => r('later'))),
    shared: () => HOST_SHARED,
    hostError: () => {
      // an error object as a result: not structured, refused at the boundary
      return new RangeError(`host error ${SECRET}`);
    },
  };
}

export const INPUTS = {
  config: { name: 'cfg', list: [1, 2, { k: 'v' }], nested: { a: { b: { c: 1 } } } },
  fromJson: JSON.parse('{"__proto__": {"polluted": "from-input"}, "a": 1}') as unknown,
};

/** Runs one program in this process (core/run.ts API) and collects everything the guest said. */
export async function runInProcess(t: Technique, limits: StartOptions['limits'] = { instructions: 20_000_000, timeMs: 20_000 }): Promise<GuestOutput> {
  const texts: string[] = [];
  const source = `${PRELUDE}\n${t.body}`;
  const names = [...Object.keys(capabilities()), ...Object.keys(INPUTS)];
  try {
    const r = await run(source, {
      capabilities: capabilities(),
      inputs: INPUTS,
      limits,
      seed: 7,
      onConsole: (level, text) => texts.push(`[${level}] ${text}`),
    });
    void names;
    texts.push(textOf(r.value));
    return { outcome: 'result', texts, value: r.value };
  } catch (e) {
    if (e instanceof RuntimeError) {
      texts.push(e.message, e.guestName, e.guestMessage, e.guestStack, textOf(e.thrown));
      return { outcome: 'runtime', texts };
    }
    if (e instanceof LimitError) {
      texts.push(e.message);
      return { outcome: 'limit', limit: e.limit, texts };
    }
    if (e instanceof ValidationError || e instanceof ParseError) {
      texts.push(e.message);
      return { outcome: 'rejected', texts };
    }
    if (e instanceof CapabilityError) {
      texts.push(e.message);
      return { outcome: 'capability', texts };
    }
    // not one of core's typed errors: a host fault (its text is scanned too)
    texts.push(String(e), (e as Error)?.stack ?? '');
    return { outcome: 'host-fault', texts };
  }
}

/** Whether the outcome is the one the header declares. */
export function outcomeMatches(t: Technique, out: GuestOutput): boolean {
  if (t.expect.startsWith('limit:')) return out.outcome === 'limit' && out.limit === t.expect.slice(6);
  return out.outcome === t.expect;
}

/** Host-side canaries besides the output scan: the file, the shared object, handler findings. */
export function firedCanaries(): string[] {
  const fired: string[] = [];
  if (existsSync(CANARY_FILE)) fired.push(`canary file ${CANARY_FILE} was written`);
  if (process.env.CAPSULE_CANARY_SECRET !== SECRET) fired.push('the env secret was changed');
  if ((globalThis as Record<string, unknown>).CAPSULE_CANARY_SECRET !== SECRET) fired.push('the host global secret was changed');
  if (JSON.stringify(HOST_SHARED) !== HOST_SHARED_TEXT) fired.push(`the host's shared object was modified: ${JSON.stringify(HOST_SHARED)}`);
  if (({} as Record<string, unknown>).polluted !== undefined) fired.push('host Object.prototype polluted');
  fired.push(...handlerFindings.splice(0));
  return fired;
}

/** The same capabilities as a `--host` module for the CLI (handlers run in the CLI process). */
export function hostModuleSource(): string {
  return `
const SECRET = ${JSON.stringify(SECRET)};
export const capabilities = {
  echo: (...args) => ({ args, polluted: ({}).polluted ?? null }),
  getUser: async (id) => ({ id, name: 'ada', tags: ['admin'], nested: { deep: [1, { x: 2 }] } }),
  protoResult: () => JSON.parse('{"__proto__": {"polluted": "from-host"}, "ok": 1}'),
  fail: () => { throw new Error('database at ${ROOT}/secrets.db refused: ' + SECRET); },
  failVisible: () => { throw new Error('no such record'); },
  slow: () => new Promise((r) => setImmediate(() => r('later'))),
  shared: () => ({ count: 0, list: [1, 2, 3], inner: { flag: false } }),
  hostError: () => new RangeError('host error ' + SECRET),
};
`;
}
