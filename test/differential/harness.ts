/**
 * Differential harness: the oracle is V8 itself.
 *
 * The same guest program runs in a fresh `node:vm` context ({@link runInV8}) and in Capsule's
 * core ({@link runInCore}); both are normalised to an {@link Outcome} (the result value or the
 * thrown error's name/message, plus every console line) and compared with {@link compare}.
 *
 * Guest program semantics (mirrors core's contract):
 * - a strict-mode SCRIPT whose result is its completion value (like `eval`), awaited if it is a
 *   thenable; microtasks are drained before the outcome is taken, so late console output counts;
 * - programs using top-level `await` are not valid `vm.Script`s: they are rewritten into
 *   `(async () => { "use strict"; ...; return (lastExpression); })()`. Such programs MUST end
 *   with an expression statement giving the result (the harness refuses them otherwise);
 * - `console.log/info/warn/error/debug` record `[level, util.format(...args)]`, one per call.
 *
 * Time zone: the V8 side must run in UTC because core's Date is UTC-only. This module sets
 * `process.env.TZ = 'UTC'` on load (Node re-reads TZ when it is assigned) and checks it took
 * effect; the npm scripts also run with `TZ=UTC`. Corpus programs still avoid local-time APIs.
 */
import util from 'node:util';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { parseModule } from 'meriyah';

process.env.TZ = 'UTC';
if (new Date(0).getTimezoneOffset() !== 0 || new Date(86400000 * 180).getTimezoneOffset() !== 0) {
  throw new Error('differential harness: could not switch the host to TZ=UTC; run with TZ=UTC');
}

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';
export type ConsoleLine = [level: ConsoleLevel, text: string];

export interface GuestError {
  /** `err.name` for thrown Error objects; `'Thrown'` for any other thrown value; for core's
   * non-guest failures: `SyntaxError` (ParseError), `ValidationError`, `LimitError`, `Host:<name>`. */
  name: string;
  /** `err.message`, or the canonical form of a non-Error thrown value. */
  message: string;
}

export type Outcome =
  | { value: unknown; console: ConsoleLine[] }
  | { error: GuestError; console: ConsoleLine[] };

export const CONSOLE_LEVELS: readonly ConsoleLevel[] = ['log', 'info', 'warn', 'error', 'debug'];

// ---------------------------------------------------------------------------------------------
// Realm-independent helpers (guest values come from another realm: never use instanceof).

const toStringTag = (v: unknown): string => Object.prototype.toString.call(v);

function isObjectLike(v: unknown): v is object {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  if (!isObjectLike(v)) return false;
  try {
    return typeof (v as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

/** True for `Object.prototype` of any realm. */
function isObjectPrototype(proto: object): boolean {
  if (Object.getPrototypeOf(proto) !== null) return false;
  const d = Object.getOwnPropertyDescriptor(proto, 'constructor');
  const C = d?.value as { prototype?: unknown; name?: unknown } | undefined;
  return typeof C === 'function' && C.prototype === proto && C.name === 'Object';
}

function isErrorObject(v: unknown): boolean {
  return isObjectLike(v) && toStringTag(v) === '[object Error]';
}

function safeString(get: () => unknown): string {
  try {
    return String(get());
  } catch (e) {
    return `<unreadable: ${isErrorObject(e) ? (e as Error).name : typeof e}>`;
  }
}

// ---------------------------------------------------------------------------------------------
// Canonical serializer.

/**
 * A canonical, realm-independent text form of a value. Distinguishes `-0` from `0`, `NaN`,
 * `undefined` from a missing property, array holes from `undefined` elements, and keeps own
 * key order (which the language defines). Non-plain objects are tagged (Map, Set, Date, ...).
 */
export function canonical(v: unknown): string {
  return ser(v, new Set());
}

function ser(v: unknown, seen: Set<object>): string {
  switch (typeof v) {
    case 'undefined':
      return 'undefined';
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return String(v);
    case 'bigint':
      return `${v}n`;
    case 'symbol':
      return `Symbol(${v.description ?? ''})`;
    case 'function':
      return `[Function ${safeString(() => (v as { name?: unknown }).name)}]`;
  }
  if (v === null) return 'null';
  const o = v as object;
  if (seen.has(o)) return '[Circular]';
  seen.add(o);
  try {
    return serObject(o, seen);
  } finally {
    seen.delete(o);
  }
}

function serProps(o: object, keys: string[], seen: Set<object>): string[] {
  return keys.map((k) => {
    let val: string;
    try {
      val = ser((o as Record<string, unknown>)[k], seen);
    } catch (e) {
      val = `<getter threw ${isErrorObject(e) ? (e as Error).name : typeof e}>`;
    }
    return `${JSON.stringify(k)}: ${val}`;
  });
}

function serObject(o: object, seen: Set<object>): string {
  if (Array.isArray(o)) {
    const parts: string[] = [];
    for (let i = 0; i < o.length; i++) {
      parts.push(Object.prototype.hasOwnProperty.call(o, i) ? ser(o[i], seen) : '<hole>');
    }
    const extra = Object.keys(o).filter((k) => !(String(Number(k) >>> 0) === k && Number(k) < o.length));
    return `[${parts.concat(serProps(o, extra, seen)).join(', ')}]`;
  }
  const tag = toStringTag(o);
  switch (tag) {
    case '[object Date]': {
      const t = Date.prototype.getTime.call(o);
      return `Date(${Number.isNaN(t) ? 'Invalid' : new Date(t).toISOString()})`;
    }
    case '[object Map]': {
      const parts: string[] = [];
      Map.prototype.forEach.call(o, (val: unknown, key: unknown) => parts.push(`${ser(key, seen)} => ${ser(val, seen)}`));
      return `Map{${parts.join(', ')}}`;
    }
    case '[object Set]': {
      const parts: string[] = [];
      Set.prototype.forEach.call(o, (val: unknown) => parts.push(ser(val, seen)));
      return `Set{${parts.join(', ')}}`;
    }
    case '[object Error]':
      return `${safeString(() => (o as Error).name)}{message: ${JSON.stringify(safeString(() => (o as Error).message))}}`;
    case '[object RegExp]':
      return `/${safeString(() => (o as RegExp).source)}/${safeString(() => (o as RegExp).flags)}`;
    case '[object Promise]':
      return '[Promise]';
    case '[object Number]':
    case '[object String]':
    case '[object Boolean]':
    case '[object BigInt]':
    case '[object Symbol]':
      return `${tag.slice(8, -1)}(${ser((o as { valueOf(): unknown }).valueOf(), seen)})`;
  }
  const proto = Object.getPrototypeOf(o) as object | null;
  let prefix = '';
  if (proto === null) prefix = '[null prototype] ';
  else if (!isObjectPrototype(proto)) {
    const C = (proto as { constructor?: { name?: unknown } }).constructor;
    prefix = `${typeof C === 'function' ? safeString(() => C.name) || '<anonymous>' : '<no constructor>'} `;
  }
  return `${prefix}{${serProps(o, Object.keys(o), seen).join(', ')}}`;
}

/**
 * True if `v` is a structured value: primitives other than symbols, arrays and plain objects
 * (prototype `Object.prototype`), acyclic, with no accessors. Corpus results must be structured
 * so that the comparison does not depend on how core copies exotic objects out of the guest.
 */
export function isStructured(v: unknown, path: object[] = []): boolean {
  if (v === null) return true;
  const t = typeof v;
  if (t === 'symbol' || t === 'function') return false;
  if (t !== 'object') return true;
  const o = v as object;
  if (path.includes(o)) return false;
  const proto = Object.getPrototypeOf(o) as object | null;
  if (Array.isArray(o)) {
    // fine
  } else if (proto === null || !isObjectPrototype(proto) || toStringTag(o) !== '[object Object]') return false;
  for (const key of Reflect.ownKeys(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key)!;
    if (typeof key === 'symbol') return false;
    if (Array.isArray(o) && key === 'length') continue;
    if (!('value' in d)) return false;
    if (!isStructured(d.value, [...path, o])) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Corpus directives.

export interface Directives {
  /** Compare error messages as well as names (`// diff: compare-messages`). */
  compareMessages: boolean;
  /** The program is expected to end with an uncaught error (`// diff: throws`). */
  throws: boolean;
}

/** Reads `// diff: flag flag` comment lines at the very top of a program. */
export function readDirectives(source: string): Directives {
  const flags = new Set<string>();
  for (const line of source.split('\n')) {
    const m = /^\s*\/\/\s*diff:(.*)$/.exec(line);
    if (!m) break;
    for (const f of m[1].split(/[\s,]+/)) if (f) flags.add(f);
  }
  for (const f of flags) {
    if (f !== 'compare-messages' && f !== 'throws') throw new Error(`unknown diff directive: ${f}`);
  }
  return { compareMessages: flags.has('compare-messages'), throws: flags.has('throws') };
}

// ---------------------------------------------------------------------------------------------
// Top-level await rewrite.

type Node = { type: string; start: number; end: number; [k: string]: unknown };

function containsTopLevelAwait(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsTopLevelAwait);
  if (!node || typeof node !== 'object') return false;
  const n = node as Node;
  if (typeof n.type !== 'string') return false;
  switch (n.type) {
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return false;
    case 'AwaitExpression':
      return true;
    case 'ForOfStatement':
      if (n.await) return true;
      break;
    case 'ClassDeclaration':
    case 'ClassExpression': {
      // Only computed keys and the heritage are evaluated in the enclosing context.
      const body = (n.body as { body: Node[] }).body;
      return containsTopLevelAwait(n.superClass) || body.some((m) => m.computed === true && containsTopLevelAwait(m.key));
    }
  }
  for (const key of Object.keys(n)) {
    if (key === 'type' || key === 'start' || key === 'end' || key === 'range' || key === 'loc') continue;
    if (containsTopLevelAwait(n[key])) return true;
  }
  return false;
}

/**
 * If `source` uses top-level `await`, returns it rewritten as an async IIFE whose last
 * statement (which must be an ExpressionStatement) becomes `return (expr);`. Returns null for
 * ordinary scripts (and for sources meriyah cannot parse: V8 then reports the SyntaxError).
 */
export function rewriteTopLevelAwait(source: string): string | null {
  if (!/\bawait\b/.test(source)) return null; // cheap pre-check: parsing every program is not
  let program: { body: Node[] };
  try {
    program = parseModule(source, { next: true, ranges: true }) as unknown as { body: Node[] };
  } catch {
    return null;
  }
  if (!containsTopLevelAwait(program.body)) return null;
  const last = program.body[program.body.length - 1];
  if (!last || last.type !== 'ExpressionStatement') {
    throw new Error('differential harness: a program using top-level await must end with an expression statement giving its result');
  }
  const expr = last.expression as Node;
  const body = `${source.slice(0, last.start)}return (${source.slice(expr.start, expr.end)});${source.slice(last.end)}`;
  // Same line as the first guest line, so guest line numbers are unchanged.
  return `(async () => { "use strict"; ${body}\n})()`;
}

// ---------------------------------------------------------------------------------------------
// Unhandled guest rejections: swallowed (and counted) so they do not fail the host test run.

let activeRuns = 0;
let savedRejectionListeners: NodeJS.UnhandledRejectionListener[] = [];
let rejectionSink: ((reason: unknown) => void) | null = null;

function onUnhandledRejection(reason: unknown, promise: Promise<unknown>): void {
  // Host-realm promises are not ours: hand them to whoever was listening before.
  if (promise instanceof Promise) {
    for (const l of savedRejectionListeners) l(reason, promise);
    if (savedRejectionListeners.length === 0) throw reason;
    return;
  }
  rejectionSink?.(reason);
}

function beginRun(): void {
  if (activeRuns++ === 0) {
    savedRejectionListeners = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    process.on('unhandledRejection', onUnhandledRejection);
  }
}

function endRun(): void {
  if (--activeRuns === 0) {
    process.removeListener('unhandledRejection', onUnhandledRejection);
    for (const l of savedRejectionListeners) process.on('unhandledRejection', l);
    savedRejectionListeners = [];
  }
}

const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs until the (shared) microtask queue is empty and rejection tracking has run. */
async function drainMicrotasks(): Promise<void> {
  await macrotask();
  await macrotask();
}

// ---------------------------------------------------------------------------------------------
// V8 side.

export interface V8RunOptions {
  /** Watchdog for the synchronous part of the program (ms). Default 5000. */
  timeoutMs?: number;
  /** Freeze the built-ins first (every global's value, its prototype and their methods), as core
   * does: tells a program that fails only because it mutates a built-in apart from a real difference. */
  frozenIntrinsics?: boolean;
  /** Watch sort/toSorted comparators: {@link V8Outcome.inconsistentComparator} says whether one was
   * inconsistent (NaN, a non-number, or cmp(a, b) and cmp(b, a) not of opposite signs): the order
   * is then implementation-defined. The probe calls each comparator twice per comparison. */
  comparatorProbe?: boolean;
}

export interface V8Outcome {
  outcome: Outcome;
  /** Guest promises rejected with no handler (informational; not compared). */
  unhandledRejections: number;
  /** False if the result value changed between the moment it was produced (the script
   * completed or the result promise settled) and the end of the microtask drain. Corpus
   * programs must be stable so that it does not matter when core copies the result out. */
  resultStable: boolean;
  /** The raw thrown value when the outcome is an error (a guest-realm value). */
  thrown?: unknown;
  /** With `comparatorProbe`: a comparator was inconsistent. */
  inconsistentComparator?: boolean;
}

function normalizeV8Thrown(t: unknown): GuestError {
  if (isObjectLike(t) && (t as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
    // The host watchdog fired: the counterpart of core's instruction/time budgets.
    return { name: 'LimitError', message: safeString(() => (t as Error).message) };
  }
  if (isErrorObject(t)) {
    return { name: safeString(() => (t as Error).name), message: safeString(() => (t as Error).message) };
  }
  return { name: 'Thrown', message: canonical(t) };
}

const INSTALL_CONSOLE = `(record) => {
  "use strict";
  // non-enumerable, as in Node and browsers (and core): global scans and JSON.stringify(this) skip it
  Object.defineProperty(globalThis, "console", { writable: true, configurable: true, enumerable: false, value: {
    log(...args) { record("log", args); },
    info(...args) { record("info", args); },
    warn(...args) { record("warn", args); },
    error(...args) { record("error", args); },
    debug(...args) { record("debug", args); },
  } });
}`;

/** Deep-freezes the context's built-ins (not `console`, not the global object itself). */
const FREEZE_INTRINSICS = `(() => {
  "use strict";
  const seen = new Set();
  const freeze = (v) => {
    if ((typeof v !== "object" && typeof v !== "function") || v === null || seen.has(v)) return;
    seen.add(v);
    Object.freeze(v);
    freeze(Object.getPrototypeOf(v));
    for (const k of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (d && "value" in d) freeze(d.value);
      if (d && d.get) freeze(d.get);
      if (d && d.set) freeze(d.set);
    }
  };
  for (const k of Object.getOwnPropertyNames(globalThis)) if (k !== "console" && k !== "globalThis") freeze(globalThis[k]);
})()`;

const COMPARATOR_PROBE = `(flag) => {
  "use strict";
  const AP = Array.prototype;
  for (const name of ["sort", "toSorted"]) {
    const original = AP[name];
    const wrapped = { [name](cmp) {
      if (typeof cmp !== "function") return original.call(this, cmp);
      return original.call(this, (a, b) => {
        const r = cmp(a, b);
        const back = cmp(b, a);
        if (typeof r !== "number" || typeof back !== "number" || r !== r || back !== back || Math.sign(r) !== -Math.sign(back)) flag();
        return r;
      });
    } }[name];
    Object.defineProperty(AP, name, { value: wrapped, writable: true, configurable: true, enumerable: false });
  }
}`;

const NOT_RUN = 'capsule:instantiated, not run';

/**
 * Checks a guest program as far as V8 gets before running any of it: its compilation and, for a
 * script, the instantiation of its top-level declarations (`let undefined` fails there, with a
 * SyntaxError): the script starts with a `throw` that stops it right after. Null when V8 accepts
 * the program, else the error's name and message. For programs core refused as syntax errors:
 * running one that V8 accepts (valid as a script, not as a module) could run anything —
 * `new Array(2 ** 32 - 1).fill(0)` exhausts the host's memory, which no watchdog stops.
 */
export function compileInV8(source: string): { name: string; message: string } | null {
  const rewritten = rewriteTopLevelAwait(source);
  try {
    if (rewritten !== null) new vm.Script(rewritten, { filename: 'guest.js' });
    else {
      const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
      new vm.Script(`"use strict"; throw ${JSON.stringify(NOT_RUN)}; ${source}`, { filename: 'guest.js' }).runInContext(context, { timeout: 1000 });
    }
    return null;
  } catch (e) {
    if (e === NOT_RUN) return null;
    const err = e as { name?: unknown; message?: unknown };
    return { name: String(err?.name ?? 'Error'), message: String(err?.message ?? e) };
  }
}

/** Runs a guest program in a fresh V8 context and returns its normalised outcome. */
export async function runInV8Detailed(source: string, options: V8RunOptions = {}): Promise<V8Outcome> {
  const lines: ConsoleLine[] = [];
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  const install = vm.runInContext(INSTALL_CONSOLE, context) as (record: (level: ConsoleLevel, args: unknown[]) => void) => void;
  install((level, args) => {
    lines.push([level, util.format(...args)]);
  });
  let inconsistentComparator = false;
  if (options.comparatorProbe) (vm.runInContext(COMPARATOR_PROBE, context) as (flag: () => void) => void)(() => (inconsistentComparator = true));
  if (options.frozenIntrinsics) vm.runInContext(FREEZE_INTRINSICS, context);

  let unhandled = 0;
  beginRun();
  const previousSink = rejectionSink;
  rejectionSink = () => unhandled++;
  try {
    let rewritten: string | null;
    try {
      rewritten = rewriteTopLevelAwait(source);
    } catch (e) {
      throw e; // harness misuse: surface it, do not turn it into a guest outcome
    }
    // `void 0;` ends the directive prologue so a program ending in declarations completes with
    // undefined (as eval would) rather than with the directive's string.
    const code = rewritten ?? `"use strict"; void 0; ${source}`;
    let value: unknown;
    try {
      const script = new vm.Script(code, { filename: 'guest.js' });
      value = script.runInContext(context, { timeout: options.timeoutMs ?? 5000 });
    } catch (e) {
      await drainMicrotasks();
      return { outcome: { error: normalizeV8Thrown(e), console: lines }, unhandledRejections: unhandled, resultStable: true, thrown: e, inconsistentComparator };
    }
    if (isThenable(value)) {
      let state: 'pending' | 'fulfilled' | 'rejected' = 'pending';
      let settled: unknown;
      let atSettle = '';
      try {
        value.then(
          (v) => {
            state = 'fulfilled';
            settled = v;
            atSettle = canonical(v);
          },
          (e) => {
            state = 'rejected';
            settled = e;
          },
        );
      } catch (e) {
        state = 'rejected';
        settled = e;
      }
      await drainMicrotasks();
      const final = state as 'pending' | 'fulfilled' | 'rejected';
      if (final === 'pending') {
        return {
          outcome: { error: { name: 'Pending', message: 'the result promise never settled' }, console: lines },
          unhandledRejections: unhandled,
          resultStable: true,
          inconsistentComparator,
        };
      }
      if (final === 'rejected') {
        return {
          outcome: { error: normalizeV8Thrown(settled), console: lines },
          unhandledRejections: unhandled,
          resultStable: true,
          thrown: settled,
          inconsistentComparator,
        };
      }
      return {
        outcome: { value: settled, console: lines },
        unhandledRejections: unhandled,
        resultStable: atSettle === canonical(settled),
        inconsistentComparator,
      };
    }
    const atCompletion = canonical(value);
    await drainMicrotasks();
    return { outcome: { value, console: lines }, unhandledRejections: unhandled, resultStable: atCompletion === canonical(value), inconsistentComparator };
  } finally {
    rejectionSink = previousSink;
    endRun();
  }
}

/** Runs a guest program in a fresh V8 context: `{value}` or `{error: {name, message}}`, plus console lines. */
export async function runInV8(source: string, options?: V8RunOptions): Promise<Outcome> {
  return (await runInV8Detailed(source, options)).outcome;
}

// ---------------------------------------------------------------------------------------------
// Core side.

interface CoreModule {
  run(
    source: string,
    options?: {
      inputs?: Record<string, unknown>;
      seed?: number;
      now?: () => number;
      onConsole?: (level: ConsoleLevel, text: string) => void;
      limits?: object;
    },
  ): Promise<{ value: unknown; instructions: number }>;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Default location of core's entry point; `CAPSULE_CORE_MODULE` overrides it (path from the repo root or absolute). */
export const CORE_ENTRY = process.env.CAPSULE_CORE_MODULE
  ? path.resolve(HERE, '../..', process.env.CAPSULE_CORE_MODULE)
  : path.resolve(HERE, '../../core/index.ts');

let corePromise: Promise<CoreModule> | null = null;

/** Loads core's `run`; fails with a clear message while core/index.ts does not exist yet. */
export function loadCore(): Promise<CoreModule> {
  corePromise ??= (async () => {
    if (!existsSync(CORE_ENTRY)) {
      throw new Error(
        `differential harness: core entry point ${path.relative(process.cwd(), CORE_ENTRY)} does not exist ` +
          '(the interpreter is not written yet); the V8 side alone is checked by test/differential/corpus-v8.test.ts',
      );
    }
    const mod = (await import(/* @vite-ignore */ pathToFileURL(CORE_ENTRY).href)) as Partial<CoreModule>;
    if (typeof mod.run !== 'function') throw new Error(`differential harness: ${CORE_ENTRY} does not export run()`);
    return mod as CoreModule;
  })();
  return corePromise;
}

export interface CoreRunOptions {
  limits?: object;
}

export function normalizeCoreError(e: unknown): GuestError {
  const err = e as { name?: unknown; message?: unknown; kind?: unknown; guestName?: unknown; guestMessage?: unknown; thrown?: unknown; isError?: unknown };
  if (!isObjectLike(e)) return { name: 'Host:non-error', message: canonical(e) };
  switch (err.kind) {
    case 'Runtime': {
      const thrown = err.thrown;
      const primitiveThrow = thrown === null || (thrown !== undefined && typeof thrown !== 'object' && typeof thrown !== 'function');
      // (an error may be named '': that is still its name; a thrown `{ name: 'X' }` is no error)
      if (primitiveThrow || err.isError === false || typeof err.guestName !== 'string') {
        if (!primitiveThrow && thrown !== undefined && isErrorObject(thrown)) return normalizeV8Thrown(thrown);
        return { name: 'Thrown', message: canonical(thrown) };
      }
      return { name: String(err.guestName), message: String(err.guestMessage ?? '') };
    }
    case 'Parse':
      return { name: 'SyntaxError', message: String(err.message) };
    case 'Validation':
      return { name: 'ValidationError', message: String(err.message) };
    case 'Limit':
      return { name: 'LimitError', message: String(err.message) };
    default:
      return { name: `Host:${String(err.name)}`, message: String(err.message) };
  }
}

/** Runs a guest program in core and normalises its outcome like {@link runInV8}. */
export async function runInCore(source: string, options: CoreRunOptions = {}): Promise<Outcome> {
  const core = await loadCore();
  const lines: ConsoleLine[] = [];
  try {
    const result = await core.run(source, {
      seed: 1,
      now: () => 0,
      onConsole: (level, text) => lines.push([level, text]),
      // Same wall-clock budget as the V8 watchdog, so a runaway program is LimitError on both sides.
      limits: { timeMs: 5000, ...options.limits },
    });
    return { value: result.value, console: lines };
  } catch (e) {
    return { error: normalizeCoreError(e), console: lines };
  }
}

// ---------------------------------------------------------------------------------------------
// Comparison.

export interface CompareOptions {
  /** Compare error messages too (corpus opt-in `// diff: compare-messages`). */
  compareMessages?: boolean;
}

export interface Comparison {
  equal: boolean;
  /** Human-readable differences (empty when equal). */
  differences: string[];
}

/** Short, readable rendering of an outcome for failure messages. */
export function describeOutcome(o: Outcome): string {
  const head = 'error' in o ? `throws ${o.error.name}: ${o.error.message}` : `value ${canonical(o.value)}`;
  const out = o.console.map(([l, t]) => `  console.${l}: ${JSON.stringify(t)}`).join('\n');
  return o.console.length ? `${head}\n${out}` : head;
}

/** Deep-compares two outcomes: result (canonically), error name (and message if asked), console lines in order. */
export function compare(a: Outcome, b: Outcome, options: CompareOptions = {}): Comparison {
  const differences: string[] = [];
  if ('error' in a && 'error' in b) {
    if (a.error.name !== b.error.name) differences.push(`error name: ${a.error.name} vs ${b.error.name}`);
    else if (options.compareMessages && a.error.message !== b.error.message) {
      differences.push(`error message: ${JSON.stringify(a.error.message)} vs ${JSON.stringify(b.error.message)}`);
    }
  } else if ('error' in a || 'error' in b) {
    const side = (o: Outcome) => ('error' in o ? `throws ${o.error.name}: ${o.error.message}` : `value ${canonical(o.value)}`);
    differences.push(`outcome: ${side(a)} vs ${side(b)}`);
  } else {
    const ca = canonical(a.value);
    const cb = canonical(b.value);
    if (ca !== cb) differences.push(`value: ${ca} vs ${cb}`);
  }
  const n = Math.max(a.console.length, b.console.length);
  for (let i = 0; i < n; i++) {
    const la = a.console[i];
    const lb = b.console[i];
    if (!la || !lb || la[0] !== lb[0] || la[1] !== lb[1]) {
      const fmt = (l: ConsoleLine | undefined) => (l ? `console.${l[0]}(${JSON.stringify(l[1])})` : '<no line>');
      differences.push(`console line ${i + 1}: ${fmt(la)} vs ${fmt(lb)}`);
      break;
    }
  }
  if (a.console.length !== b.console.length) differences.push(`console line count: ${a.console.length} vs ${b.console.length}`);
  return { equal: differences.length === 0, differences };
}
