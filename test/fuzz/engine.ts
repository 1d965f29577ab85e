/**
 * The fuzzer's engine: every case is a pure function of (seed, index) — a generated program,
 * a mutated corpus or generated program, or snapshot / artifact bytes — checked against the
 * properties core promises its host:
 *
 * - core only raises its typed errors (ParseError, ValidationError, RuntimeError, LimitError,
 *   SerializationError, CapabilityError), never a host exception;
 * - a program that completes stayed within its limits (instructions, live heap);
 * - where V8 (`node:vm`) runs the program to completion, the answers match (value when it is
 *   structured, error name, console lines);
 * - snapshot and artifact bytes that were tampered with are refused with a SerializationError;
 *   re-signed mutations (the key holder's garbage) are refused or restore into an execution
 *   that still only raises typed errors; an untouched snapshot continues exactly.
 *
 * A violation is a {@link Fault}; {@link shrinkSource} reduces a program fault to a minimal
 * reproducer and {@link saveFault} writes it under the output folder.
 */
import { createHmac, sign, createPrivateKey, type KeyObject } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseModule, parseScript } from 'meriyah';
import { Packr } from 'msgpackr';
import fc from 'fast-check';
import type * as CoreModule from '../../core/index';
import { readTree, writeTree } from '../../core/snapshot/wire';
import { canonical, compare, compileInV8, isStructured, normalizeCoreError, runInV8Detailed, type ConsoleLine, type Outcome } from '../differential/harness';
import { loadCorpus } from '../differential/corpus';
import { programArbitrary } from '../differential/generator';
import { mutate } from './mutate';
import { Rng } from './rng';

export type Core = typeof CoreModule;

/** The fixed limits every fuzz program runs under: small, so each program is short. */
export const FUZZ_LIMITS = {
  instructions: 200_000,
  heapBytes: 16 * 1024 * 1024,
  allocations: 200_000,
  callDepth: 256,
  outstandingHostCalls: 8,
  timeMs: 2_000,
} as const;

/** V8's watchdog for the synchronous part of a program (ms). */
const V8_TIMEOUT_MS = 2_000;
const SNAPSHOT_KEY = 'fuzz-snapshot-key';

export type CaseKind = 'generated' | 'generated-mutant' | 'corpus-mutant' | 'snapshot' | 'artifact';

export interface FuzzCase {
  seed: number;
  index: number;
  kind: CaseKind;
  /** The guest program (for byte cases: the program whose snapshot/artifact is fuzzed). */
  source: string;
  /** How it was made (corpus id, mutations, byte mutation). */
  origin: string;
}

export interface Fault {
  /** A stable class, used to decide whether a shrunk program still shows "the same" fault. */
  kind: string;
  detail: string;
}

export interface CheckOptions {
  /** Compare with V8 where both run to completion (default true). */
  v8?: boolean;
  /** Test hook: a program whose source matches throws a host TypeError "inside core" (a planted fault). */
  plant?: RegExp;
  /** Told when the check moves on to the V8 oracle (a hang there is V8's, not core's). */
  onPhase?: (phase: 'core' | 'v8') => void;
}

// ---------------------------------------------------------------------------------------------
// Cases.

let corpusCache: { id: string; source: string }[] | null = null;
function corpus(): { id: string; source: string }[] {
  return (corpusCache ??= loadCorpus().map((p) => ({ id: p.id, source: p.source })));
}

const generated = programArbitrary();

function generatedProgram(rng: Rng): string {
  return fc.sample(generated, { seed: rng.next() | 0, numRuns: 1 })[0];
}

/** The case at `index` of a run with `seed` (deterministic). */
export function caseFor(seed: number, index: number): FuzzCase {
  const rng = new Rng(seed, index);
  const r = rng.int(1, 100);
  if (r <= 30) return { seed, index, kind: 'generated', source: generatedProgram(rng), origin: 'generator' };
  if (r <= 45) {
    const m = mutate(generatedProgram(rng), rng);
    return { seed, index, kind: 'generated-mutant', source: m.source, origin: `generator + ${m.mutations.join(', ')}` };
  }
  if (r <= 90) {
    const p = rng.pick(corpus());
    const m = mutate(p.source, rng);
    return { seed, index, kind: 'corpus-mutant', source: m.source, origin: `corpus ${p.id} + ${m.mutations.join(', ')}` };
  }
  const base = rng.chance(50) ? generatedProgram(rng) : rng.pick(corpus()).source;
  return { seed, index, kind: r <= 96 ? 'snapshot' : 'artifact', source: base, origin: 'bytes' };
}

// ---------------------------------------------------------------------------------------------
// Program properties.

interface CoreRun {
  outcome: Outcome;
  /** The raw error, when it threw. */
  error?: unknown;
  fault: Fault | null;
}

function hostFault(e: unknown): Fault {
  const err = e as { name?: unknown; message?: unknown; stack?: unknown };
  const name = e instanceof Error ? String(err.name) : typeof e;
  const frames = typeof err.stack === 'string' ? err.stack.split('\n').slice(1, 6).join('\n') : '';
  return { kind: `host-exception:${name}`, detail: `${name}: ${String(err.message ?? e)}\n${frames}` };
}

/** Runs an execution to completion (no capabilities), checking the typed-error and limit properties. */
function drive(core: Core, exec: CoreModule.Execution, lines: ConsoleLine[]): CoreRun {
  try {
    let out = exec.outcome;
    for (let guard = 0; out.status !== 'completed'; guard++) {
      if (out.status === 'suspended') {
        if (out.calls.length === 0) {
          return { outcome: { error: { name: 'Host:suspended', message: '' }, console: lines }, fault: { kind: 'suspended-without-calls', detail: 'suspended with no pending calls' } };
        }
        out = exec.resume(out.calls.map((c) => ({ id: c.id, error: { name: 'Error', message: 'no capability in the fuzzer' } })));
      } else out = exec.resume();
      if (guard > 10_000) return { outcome: { error: { name: 'Host:loop', message: '' }, console: lines }, fault: { kind: 'no-progress', detail: 'resume() made no progress 10 000 times' } };
    }
    const vm = exec.vm;
    if (vm.instructions > vm.limits.instructions) {
      return { outcome: { value: out.value, console: lines }, fault: { kind: 'limit-overrun:instructions', detail: `completed after ${vm.instructions} instructions, limit ${vm.limits.instructions}` } };
    }
    try {
      vm.mark();
    } catch (e) {
      if (e instanceof core.LimitError) {
        return { outcome: { value: out.value, console: lines }, fault: { kind: 'limit-overrun:heapBytes', detail: `completed with ${vm.liveBytes} live heap bytes, limit ${vm.limits.heapBytes}` } };
      }
      throw e;
    }
    return { outcome: { value: out.value, console: lines }, fault: null };
  } catch (e) {
    return classify(core, e, lines);
  }
}

function classify(core: Core, e: unknown, lines: ConsoleLine[]): CoreRun {
  if (e instanceof core.CapsuleError) {
    if (e instanceof core.LimitError && e.limit === 'instructions' && !(e.value <= FUZZ_LIMITS.instructions)) {
      return { outcome: { error: normalizeCoreError(e), console: lines }, error: e, fault: { kind: 'limit-raised', detail: e.message } };
    }
    return { outcome: { error: normalizeCoreError(e), console: lines }, error: e, fault: null };
  }
  return { outcome: { error: { name: 'Host', message: String(e) }, console: lines }, error: e, fault: hostFault(e) };
}

function runCore(core: Core, source: string | CoreModule.CompiledProgram, plant?: RegExp): CoreRun {
  const lines: ConsoleLine[] = [];
  try {
    if (plant && typeof source === 'string' && plant.test(source)) throw new TypeError('planted fault (test hook)');
    const exec = core.start(source, { limits: FUZZ_LIMITS, seed: 1, now: () => 0, onConsole: (level, text) => lines.push([level, text]) });
    return drive(core, exec, lines);
  } catch (e) {
    return classify(core, e, lines);
  }
}

const shortLines = (o: Outcome): boolean => o.console.every(([, t]) => t.length <= 72 && !t.includes('\n'));

/** Reflection over the global object: core's globals are a documented subset of V8's. */
const GLOBAL_SCAN = /\b(?:getOwnPropertyNames|getOwnPropertyDescriptors|getOwnPropertySymbols|keys|entries|values)\(\s*(?:this|globalThis)\s*\)|\bin\s+(?:this|globalThis)\b/;

/**
 * Documented differences (docs/LANGUAGE.md), not faults: core parses with the module goal
 * (so e.g. duplicate top-level function declarations are an early error), and its global
 * object has fewer properties than V8's.
 */
function knownDifference(source: string, core: Outcome, v8: Outcome): boolean {
  if (GLOBAL_SCAN.test(source)) return true;
  // top-level var and function declarations are script-local in core, properties of the global
  // object in V8 (LANGUAGE.md): a program that looks at globalThis sees the difference
  if (/\bglobalThis\b/.test(source) && /^\s*(?:var|(?:async\s+)?function)\b/m.test(source)) return true;
  // …or reads one of them through the global this (`this.f` at the top level)
  for (const m of source.matchAll(/^\s*(?:var\s+([\w$]+)|(?:async\s+)?function\s*\*?\s*([\w$]+))/gm)) {
    const name = (m[1] ?? m[2]).replace(/\$/g, '\\$');
    if (new RegExp(`\\bthis\\s*(?:\\??\\.\\s*${name}\\b|\\[\\s*['"]${name}['"]\\s*\\])`).test(source)) return true;
  }
  // …or shows the global object itself (`console.log(this)` at the top level): V8's output names
  // a top-level declaration as a property, core's does not
  if (/\bthis\b|\bglobalThis\b/.test(source)) {
    const coreText = JSON.stringify(['value' in core ? canonical(core.value) : '', core.console]);
    const v8Shown = JSON.stringify(['value' in v8 ? canonical(v8.value) : '', v8.console]);
    for (const m of source.matchAll(/^\s*(?:var\s+([\w$]+)|(?:async\s+)?function\s*\*?\s*([\w$]+))/gm)) {
      const name = (m[1] ?? m[2]).replace(/\$/g, '\\$');
      const shown = new RegExp(`\\b${name}\\b(?:\\\\?"|)?:`);
      if (shown.test(v8Shown) && !shown.test(coreText)) return true;
    }
  }
  // Node formats a node:vm context's global object for `%s` as "[object Object]" (its global
  // proxy defeats util.format's built-in check); a plain global object prints as `{}`
  if (/%s/.test(source) && /\bglobalThis\b/.test(source)) return true;
  // the global object's [[Prototype]] is implementation-defined: Object.prototype in core, an
  // object of the embedder's in V8 (node:vm's context global; a browser's Window.prototype)
  if (/getPrototypeOf\(\s*(?:globalThis|this)\s*\)|isPrototypeOf\(\s*(?:globalThis|this)\s*\)|\b(?:globalThis|this)\s*\??\.\s*__proto__\b/.test(source)) return true;
  // the console object's own keys are the host's (V8's harness has five methods)
  if (/\bconsole\b(?!\s*\.\s*(?:log|info|warn|error|debug)\b)/.test(source)) return true;
  // dynamic code is refused in both: V8 with an EvalError, core with a TypeError
  if ('error' in core && 'error' in v8 && core.error.name === 'TypeError' && v8.error.name === 'EvalError') return true;
  // a comparator over NaN is inconsistent: the order (so a picked element) is implementation-defined
  if (/\bNaN\b/.test(source) && /\.(?:sort|toSorted)\(\s*(?:\(|function|[A-Za-z_$])/.test(source)) return true;
  // the clock is the host's option in core (0 here), the real time in V8
  // (any use of Date but `new Date(x)`, Date.UTC and Date.parse may read it, e.g. `{ toJSON: Date }`)
  if (/\bDate\b/.test(source.replace(/\bnew\s+Date\s*\(\s*[^)\s]|\bDate\s*\.\s*(?:UTC|parse)\b/g, ''))) return true;
  // …also through a reference the source does not name (`d.constructor()`): V8's answer shows today
  const now = new Date();
  const v8Text = JSON.stringify(['value' in v8 ? canonical(v8.value) : '', v8.console]);
  if ([now.toDateString(), now.toISOString().slice(0, 10), now.toUTCString().slice(0, 16)].some((t) => v8Text.includes(t))) return true;
  // core has ES2024's Object.groupBy, Map.groupBy and Promise.withResolvers, Node 20's V8 has not
  // (LANGUAGE.md): a program that uses them, or reflection that lists them, differs
  const NEWER = /\b(?:groupBy|withResolvers)\b/;
  if (NEWER.test(source) || (NEWER.test(JSON.stringify(['value' in core ? canonical(core.value) : '', core.console])) && !NEWER.test(v8Text))) return true;
  // inspect never runs a guest getter, so a getter-made Symbol.toStringTag is not shown
  if (/get\s*\[\s*Symbol\.toStringTag\s*\]/.test(source)) return true;
  // documented (LANGUAGE.md): an object key whose conversion is script code is refused
  if ('error' in core && core.error.name === 'TypeError' && /custom toString\/valueOf cannot be used as property keys/.test(core.error.message)) return true;
  // V8's own extras on built-ins (Error.stackTraceLimit, Error.captureStackTrace) show in inspect,
  // and the enumerable Error.stackTraceLimit in a reflection over Error's own keys
  if (v8.console.some(([, t]) => /stackTraceLimit|captureStackTrace/.test(t))) return true;
  // …also when the program reached Error through a variable (`Object.keys(a)` with a === Error)
  if (/stackTraceLimit/.test(JSON.stringify('value' in v8 ? canonical(v8.value) : '')) && !/stackTraceLimit/.test(source)) return true;
  // Object.prototype has no legacy accessor methods (CAP1022): reflection over it lists fewer names
  if (/__(?:define|lookup)[GS]etter__/.test(JSON.stringify(['value' in v8 ? canonical(v8.value) : '', v8.console])) && !/__(?:define|lookup)[GS]etter__/.test(source)) return true;
  if (/\b(?:keys|values|entries|assign|getOwnPropertyNames|getOwnPropertyDescriptors|ownKeys|hasOwn)\([^)]*\bError\s*[,)]|\.\.\.\s*Error\b|\bin\s+Error\b/.test(source)) return true;
  // documented (LANGUAGE.md, CAP1023): RegExp has no legacy statics (input, $1, lastMatch, …)
  if (/\b(?:keys|values|entries|assign|getOwnPropertyNames|getOwnPropertyDescriptors|ownKeys|hasOwn)\([^)]*\bRegExp\s*[,)]|\.\.\.\s*RegExp\b|\bin\s+RegExp\b/.test(source)) return true;
  if ('error' in core && core.error.name === 'SyntaxError' && !('error' in v8 && v8.error.name === 'SyntaxError')) {
    try {
      parseModule(source, { next: true, lexical: true });
    } catch {
      return true; // valid as a script, not as a module
    }
  }
  return false;
}

/** Engine-written error messages inside a (JSON-escaped) string. */
const MESSAGE_TEXT = /(?:is not|not a|[Cc]annot|Invalid|must be|of undefined|of null|is read-only|already been declared|before initialization)[^"\\]*(?:\\.[^"\\]*)*/g;

/** The two outcomes differ only in the order of their parts (elements, lines). */
function sameMultiset(a: Outcome, b: Outcome): boolean {
  const parts = (o: Outcome) =>
    ['error' in o ? `E:${o.error.name}` : canonical(o.value), ...o.console.map(([l, t]) => `${l}:${t}`)]
      .join(',')
      .split(/[[\]{},"\s]+/) // quotes too: a joined string's parts are elements as well
      .filter(Boolean)
      .sort()
      .join(' ');
  return parts(a) === parts(b);
}

/** Checks one program; null when every property holds. */
export async function checkProgram(core: Core, source: string, options: CheckOptions = {}): Promise<Fault | null> {
  options.onPhase?.('core');
  const c = runCore(core, source, options.plant);
  if (c.fault) return c.fault;
  if (options.v8 === false) return null;
  // V8 is only asked when core ran the program to its end (or to a guest/syntax error) within
  // the limits: a program that hits a limit in core would mostly just spin in V8 too.
  const name = 'error' in c.outcome ? c.outcome.error.name : null;
  if (name === 'ValidationError' || name === 'LimitError' || name?.startsWith('Host')) return null;
  // core stops at an uncaught error, while the V8 harness drains the jobs queued before it:
  // an endless job loop there (`for (;;) await null`) would spin V8's microtask queue forever
  if (name !== null && /\basync\b|\bawait\b|Promise|\.then\b/.test(source)) return null;
  options.onPhase?.('v8');
  if (c.error instanceof core.ParseError) {
    // core refused it at compile time: V8 is asked to compile it, not to run it (see compileInV8)
    const refused = compileInV8(source);
    if (refused?.name === 'SyntaxError') return null;
    if (knownDifference(source, c.outcome, { value: undefined, console: [] })) return null;
    return { kind: 'v8-mismatch', detail: `core vs V8: core: SyntaxError (${'error' in c.outcome ? c.outcome.error.message : ''}); V8 compiles it${refused ? ` (then ${refused.name})` : ''}` };
  }
  let v8;
  try {
    v8 = await runInV8Detailed(source, { timeoutMs: V8_TIMEOUT_MS });
  } catch {
    return null; // the harness refuses it (top-level await without a final expression)
  }
  const o = v8.outcome;
  if ('error' in o && (o.error.name === 'LimitError' || o.error.name === 'Pending')) return null;
  // V8 throws RangeError for its own stack overflow where core's callDepth budget is larger
  if ('error' in o && o.error.name === 'RangeError' && /call stack/i.test(o.error.message)) return null;
  if (knownDifference(source, c.outcome, o)) return null;
  // core stops at an uncaught error; the V8 harness still drains the jobs queued before it
  const keep = 'error' in c.outcome ? c.outcome.console.length : Infinity;
  const comparable = (x: Outcome, withValue: boolean): Outcome => {
    const consoleLines = shortLines(c.outcome) && shortLines(o) ? x.console.slice(0, keep) : [];
    if ('error' in x) return { error: x.error, console: consoleLines };
    return { value: withValue ? x.value : null, console: consoleLines };
  };
  const withValue = 'value' in o && v8.resultStable && isStructured(o.value);
  const cmp = compare(comparable(c.outcome, withValue), comparable(o, withValue));
  if (cmp.equal) return null;
  // engine-written error messages are not compared (their wording differs), also when a
  // program copies one into its result or output
  const unworded = (x: Outcome) => JSON.stringify(['error' in x ? x.error.name : canonical(x.value), x.console]).replace(MESSAGE_TEXT, '<message>');
  if (unworded(comparable(c.outcome, withValue)) === unworded(comparable(o, withValue))) return null;
  // dynamic code is refused in both, V8 with an EvalError, core with a TypeError (LANGUAGE.md),
  // also where a program catches the error and shows its name or message
  const noCodegen = (x: Outcome) => unworded(x).replace(/EvalError/g, 'TypeError').replace(/Code generation from strings (?:is )?disallowed (?:for this context|in Capsule)/g, '<codegen>');
  if (noCodegen(comparable(c.outcome, withValue)) === noCodegen(comparable(o, withValue))) return null;
  // an error's stack as the program read it: the frames are engine-specific by design (core:
  // `at f (3:7)`, V8: `at f (guest.js:3:7)` plus host frames), and core writes the header when
  // the error is created, V8 at the first read (LANGUAGE.md); a stack the program prints is not compared
  const FRAMES = /\\n {4}at [^"\\]*(?:\\(?!n {4}at )[^"\\]*)*/g;
  const unstacked = (x: Outcome) => unworded(x).replace(FRAMES, '');
  const framed = (x: Outcome) => /\\n {4}at /.test(JSON.stringify(['value' in x ? canonical(x.value) : '', x.console]));
  if (framed(c.outcome) || framed(o)) {
    if (unstacked(comparable(c.outcome, withValue)) === unstacked(comparable(o, withValue))) return null;
    if (/\bstack\b/.test(source)) return null;
  }
  // documented (LANGUAGE.md): reflection over the global object lists its names in core's order
  // (the built-in constructors and prototypes list theirs in V8's)
  if (GLOBAL_SCAN.test(source) && sameMultiset(comparable(c.outcome, withValue), comparable(o, withValue))) return null;
  if (/\.(?:sort|toSorted)\(\s*(?:\(|function|[A-Za-z_$])/.test(source) && sameMultiset(comparable(c.outcome, withValue), comparable(o, withValue))) {
    // an inconsistent comparator (NaN, undefined) makes the order implementation-defined
    return null;
  }
  if (/\.(?:sort|toSorted)\(\s*(?:\(|function|[A-Za-z_$])/.test(source)) {
    // an inconsistent comparator (NaN, a boolean, `a << b`): the order is implementation-defined
    try {
      if ((await runInV8Detailed(source, { timeoutMs: V8_TIMEOUT_MS, comparatorProbe: true })).inconsistentComparator) return null;
    } catch {
      // fall through
    }
  }
  // core's built-ins are frozen (a program that mutates one fails with a TypeError there;
  // Object.isFrozen(Error) is true): if V8 with frozen built-ins agrees with core, that is the
  // documented difference, not a fault
  try {
    const frozen = await runInV8Detailed(source, { timeoutMs: V8_TIMEOUT_MS, frozenIntrinsics: true });
    const withFrozenValue = 'value' in frozen.outcome && frozen.resultStable && isStructured(frozen.outcome.value) && withValue;
    if (compare(comparable(c.outcome, withFrozenValue), comparable(frozen.outcome, withFrozenValue)).equal) return null;
  } catch {
    // fall through: report the mismatch
  }
  return { kind: 'v8-mismatch', detail: `core vs V8: ${cmp.differences.join('; ')}` };
}

// ---------------------------------------------------------------------------------------------
// Snapshot and artifact bytes.

const artPackr = new Packr({ useRecords: false, moreTypes: false, mapsAsObjects: true, variableMapSize: true });

const BOUNDARY_VALUES: unknown[] = [
  0, 1, -1, 2, 255, 256, 65535, 2 ** 31, 2 ** 32, 2 ** 53, -(2 ** 53), 0.5, NaN, Infinity, -Infinity, -0, '', 'x', '__proto__',
  'constructor', null, undefined, true, false, [], [0], [-1], [[]], {}, { a: 1 }, new Uint8Array(0), new Uint8Array([1, 2, 3]),
];

/** All container positions (array slots and object fields) in a decoded payload tree (msgpack for artifacts, core/snapshot/wire for snapshots). */
function positions(root: unknown): { parent: unknown[] | Record<string, unknown>; key: number | string }[] {
  const out: { parent: unknown[] | Record<string, unknown>; key: number | string }[] = [];
  const stack: unknown[] = [root];
  let budget = 200_000;
  while (stack.length && budget-- > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        out.push({ parent: v, key: i });
        stack.push(v[i]);
      }
    } else if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
      for (const k of Object.keys(v)) {
        out.push({ parent: v as Record<string, unknown>, key: k });
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return out;
}

/** Mutates a decoded structure in place (1–4 edits); returns what was done. */
function mutateTree(root: unknown, rng: Rng): string[] {
  const done: string[] = [];
  const n = rng.int(1, 4);
  for (let k = 0; k < n; k++) {
    const ps = positions(root);
    if (!ps.length) break;
    const p = rng.pick(ps);
    const get = () => (p.parent as Record<string | number, unknown>)[p.key];
    const set = (v: unknown) => ((p.parent as Record<string | number, unknown>)[p.key] = v);
    const cur = get();
    const op = rng.int(1, 7);
    if (op <= 2) {
      set(structuredCloneSafe(rng.pick(BOUNDARY_VALUES)));
      done.push(`set ${String(p.key)}`);
    } else if (op === 3 && typeof cur === 'number') {
      set(cur + rng.pick([1, -1, 2, -2, 1000]));
      done.push(`nudge ${String(p.key)}`);
    } else if (op === 4 && Array.isArray(p.parent)) {
      p.parent.splice(p.key as number, 1);
      done.push(`delete ${String(p.key)}`);
    } else if (op === 5 && Array.isArray(p.parent)) {
      p.parent.splice(p.key as number, 0, structuredCloneSafe(cur));
      done.push(`duplicate ${String(p.key)}`);
    } else if (op === 6) {
      const other = rng.pick(ps);
      set(structuredCloneSafe((other.parent as Record<string | number, unknown>)[other.key]));
      done.push(`copy ${String(other.key)} to ${String(p.key)}`);
    } else if (cur instanceof Uint8Array && cur.length) {
      const b = cur.slice();
      b[rng.int(0, b.length - 1)] ^= 1 << rng.int(0, 7);
      set(b);
      done.push(`flip bytes ${String(p.key)}`);
    } else {
      set(rng.pick(BOUNDARY_VALUES));
      done.push(`set ${String(p.key)}`);
    }
  }
  return done;
}

function structuredCloneSafe<T>(v: T): T {
  try {
    return structuredClone(v);
  } catch {
    return v;
  }
}

/** A byte-level mutation (flip, truncate, extend, random, splice with `other`). */
function mutateBytes(bytes: Uint8Array, other: Uint8Array, rng: Rng): { bytes: Uint8Array; how: string } {
  const op = rng.int(1, 5);
  if (op === 1) {
    const b = bytes.slice();
    const flips = rng.int(1, 8);
    for (let i = 0; i < flips; i++) b[rng.int(0, b.length - 1)] ^= 1 << rng.int(0, 7);
    return { bytes: b, how: `flip ${flips} bits` };
  }
  if (op === 2) {
    const n = rng.int(0, bytes.length - 1);
    return { bytes: bytes.slice(0, n), how: `truncate to ${n}` };
  }
  if (op === 3) {
    const extra = Uint8Array.from({ length: rng.int(1, 64) }, () => rng.int(0, 255));
    const b = new Uint8Array(bytes.length + extra.length);
    b.set(bytes);
    b.set(extra, bytes.length);
    return { bytes: b, how: `extend by ${extra.length}` };
  }
  if (op === 4) {
    const n = rng.chance(50) ? bytes.length : rng.int(0, 4096);
    return { bytes: Uint8Array.from({ length: n }, () => rng.int(0, 255)), how: `random ${n} bytes` };
  }
  const cut = rng.int(0, Math.min(bytes.length, other.length));
  const b = new Uint8Array(cut + (other.length - cut));
  b.set(bytes.subarray(0, cut));
  b.set(other.subarray(cut), cut);
  return { bytes: b, how: `splice at ${cut}` };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Envelope offsets of a snapshot (see core/snapshot/README.md). */
function snapshotPayload(bytes: Uint8Array): { head: Uint8Array; payload: Uint8Array } {
  const vlen = bytes[10];
  const headLen = 8 + 2 + 1 + vlen + 32 + 4;
  const plen = new DataView(bytes.buffer, bytes.byteOffset).getUint32(headLen - 4);
  return { head: bytes.slice(0, headLen), payload: bytes.slice(headLen, headLen + plen) };
}

/** Re-seals a (mutated) payload under the right key, so the HMAC passes. */
function resealSnapshot(head: Uint8Array, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(head.length + payload.length + 32);
  out.set(head);
  new DataView(out.buffer).setUint32(head.length - 4, payload.length);
  out.set(payload, head.length);
  out.set(createHmac('sha256', SNAPSHOT_KEY).update(out.subarray(0, head.length + payload.length)).digest(), head.length + payload.length);
  return out;
}

function typedOnly(core: Core, e: unknown, what: string, expect?: 'Serialization'): Fault | null {
  if (!(e instanceof core.CapsuleError)) return { ...hostFault(e), kind: `${what}:${hostFault(e).kind}` };
  if (expect && e.kind !== expect) return { kind: `${what}:not-serialization`, detail: `${e.name}: ${e.message}` };
  return null;
}

/** Snapshot bytes: tampered ⇒ SerializationError; re-signed ⇒ refused or typed errors only; untouched ⇒ exact continuation. */
export function checkSnapshot(core: Core, c: FuzzCase): Fault | null {
  const rng = new Rng(c.seed, c.index, 7);
  let program: CoreModule.CompiledProgram;
  try {
    program = core.compile(c.source);
  } catch (e) {
    return typedOnly(core, e, 'snapshot-compile');
  }
  const take = (slice: number): Uint8Array | null => {
    try {
      const exec = core.start(program, { limits: FUZZ_LIMITS, seed: 1, now: () => 0, sliceInstructions: slice });
      return exec.outcome.status === 'paused' ? core.snapshot(exec, SNAPSHOT_KEY) : null;
    } catch (e) {
      if (e instanceof core.CapsuleError) return null;
      throw e;
    }
  };
  let a: Uint8Array | null;
  let b: Uint8Array | null;
  const sliceA = rng.int(1, 400);
  try {
    a = take(sliceA);
    b = take(rng.int(1, 400));
  } catch (e) {
    return { ...hostFault(e), kind: `snapshot-take:${hostFault(e).kind}` };
  }
  if (!a) return null; // the program finished or failed before the first pause
  const restoreRun = (bytes: Uint8Array): { exec?: CoreModule.Execution; error?: unknown } => {
    try {
      return { exec: core.restore(program, bytes, { key: SNAPSHOT_KEY, limits: FUZZ_LIMITS, now: () => 0 }) };
    } catch (e) {
      return { error: e };
    }
  };
  const mode = rng.int(1, 10);
  if (mode <= 2) {
    // untouched: the restored execution continues exactly like an uninterrupted run
    const whole = runCore(core, program);
    const r = restoreRun(a);
    if (r.error) return { kind: 'snapshot-roundtrip:refused', detail: String(r.error) };
    const lines: ConsoleLine[] = [];
    const cont = drive(core, r.exec!, lines);
    if (cont.fault) return { ...cont.fault, kind: `snapshot-roundtrip:${cont.fault.kind}` };
    const same =
      'error' in whole.outcome && 'error' in cont.outcome
        ? whole.outcome.error.name === cont.outcome.error.name
        : 'value' in whole.outcome && 'value' in cont.outcome && canonical(whole.outcome.value) === canonical(cont.outcome.value);
    if (!same) return { kind: 'snapshot-roundtrip:different', detail: `uninterrupted ${JSON.stringify(whole.outcome)} vs restored ${JSON.stringify(cont.outcome)}` };
    return null;
  }
  if (mode <= 6) {
    const m = mutateBytes(a, b ?? a, rng);
    if (sameBytes(m.bytes, a) || (b && sameBytes(m.bytes, b))) return null;
    const r = restoreRun(m.bytes);
    if (r.exec) return { kind: 'snapshot:accepted-tampered', detail: `restore accepted bytes changed by ${m.how}` };
    return typedOnly(core, r.error, 'snapshot', 'Serialization');
  }
  // re-signed: mutate the decoded payload and seal it again with the right key
  const { head, payload } = snapshotPayload(a);
  let tree: unknown;
  try {
    tree = readTree(payload);
  } catch (e) {
    return { kind: 'snapshot:own-payload-undecodable', detail: String(e) };
  }
  const edits = mutateTree(tree, rng);
  let forged: Uint8Array;
  try {
    forged = resealSnapshot(head, writeTree(tree as unknown[]));
  } catch {
    return null; // the edit cannot be encoded (e.g. a reference made a string): nothing to test
  }
  const r = restoreRun(forged);
  if (r.error) return typedOnly(core, r.error, 'snapshot-resigned', 'Serialization');
  const cont = drive(core, r.exec!, []);
  if (cont.fault) return { kind: `snapshot-resigned:${cont.fault.kind}`, detail: `after ${edits.join(', ')}: ${cont.fault.detail}` };
  return null;
}

let signingKey: KeyObject | null = null;
function artifactKey(core: Core): KeyObject {
  return (signingKey ??= createPrivateKey(core.generateSigningKeys().privateKey));
}

/** Artifact bytes: tampered ⇒ SerializationError; re-signed ⇒ refused or a program that only raises typed errors. */
export function checkArtifact(core: Core, c: FuzzCase): Fault | null {
  const rng = new Rng(c.seed, c.index, 11);
  const key = artifactKey(core);
  let bytes: Uint8Array;
  try {
    bytes = core.createArtifact(c.source, { privateKey: key, limits: { instructions: FUZZ_LIMITS.instructions } });
  } catch (e) {
    return typedOnly(core, e, 'artifact-create');
  }
  const load = (b: Uint8Array): { art?: CoreModule.Artifact; error?: unknown } => {
    try {
      return { art: core.loadArtifact(b) };
    } catch (e) {
      return { error: e };
    }
  };
  if (rng.chance(50)) {
    const m = mutateBytes(bytes, bytes, rng);
    if (sameBytes(m.bytes, bytes)) return null;
    const r = load(m.bytes);
    if (r.art) return { kind: 'artifact:accepted-tampered', detail: `loadArtifact accepted bytes changed by ${m.how}` };
    return typedOnly(core, r.error, 'artifact', 'Serialization');
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bodyLength = dv.getUint32(10, true);
  let body: unknown;
  try {
    body = artPackr.unpack(bytes.subarray(14, 14 + bodyLength));
  } catch (e) {
    return { kind: 'artifact:own-body-undecodable', detail: String(e) };
  }
  const edits = mutateTree(body, rng);
  let newBody: Uint8Array;
  try {
    newBody = artPackr.pack(body);
  } catch {
    return null;
  }
  const out = new Uint8Array(14 + newBody.length + 32 + 64);
  out.set(bytes.subarray(0, 14));
  new DataView(out.buffer).setUint32(10, newBody.length, true);
  out.set(newBody, 14);
  out.set(bytes.subarray(14 + bodyLength, 14 + bodyLength + 32), 14 + newBody.length);
  out.set(sign(null, out.subarray(0, 14 + newBody.length + 32), key), 14 + newBody.length + 32);
  const r = load(out);
  if (r.error) return typedOnly(core, r.error, 'artifact-resigned', 'Serialization');
  const run = runCore(core, r.art!.program);
  if (run.fault) return { kind: `artifact-resigned:${run.fault.kind}`, detail: `after ${edits.join(', ')}: ${run.fault.detail}` };
  return null;
}

/** Runs one case; null when every property holds. Never throws for anything the case does. */
export async function checkCase(core: Core, c: FuzzCase, options: CheckOptions = {}): Promise<Fault | null> {
  try {
    if (c.kind === 'snapshot') return checkSnapshot(core, c);
    if (c.kind === 'artifact') return checkArtifact(core, c);
    return await checkProgram(core, c.source, options);
  } catch (e) {
    return { ...hostFault(e), kind: `fuzzer:${hostFault(e).kind}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Shrinking and saving.

interface Range {
  start: number;
  end: number;
}

/** Statement-like subtrees (anything in a list: statements, class members, elements, arguments, properties). */
function removableRanges(source: string): Range[] {
  let ast: unknown;
  try {
    ast = parseScript(source, { ranges: true, next: true, webcompat: true });
  } catch {
    return [];
  }
  const out: Range[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) {
        if (n && typeof n === 'object' && typeof (n as { start?: unknown }).start === 'number') out.push({ start: (n as Range).start, end: (n as Range).end });
        walk(n);
      }
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) if (k !== 'loc' && k !== 'range') walk(v);
  };
  walk(ast);
  // big subtrees first: dropping them removes the most
  return out.sort((a, b) => b.end - b.start - (a.end - a.start));
}

/**
 * Reduces `source` while `stillFails` holds: drops AST subtrees (statements, members,
 * elements), then lines, then tokens. Bounded by `maxAttempts` evaluations.
 */
export async function shrinkSource(source: string, stillFails: (s: string) => Promise<boolean>, maxAttempts = 300, onAttempt?: () => void): Promise<string> {
  let best = source;
  let attempts = 0;
  const attempt = async (candidate: string): Promise<boolean> => {
    if (candidate === best || attempts >= maxAttempts) return false;
    attempts++;
    onAttempt?.();
    if (await stillFails(candidate)) {
      best = candidate;
      return true;
    }
    return false;
  };
  let progress = true;
  while (progress && attempts < maxAttempts) {
    progress = false;
    // 1. AST subtrees
    for (const r of removableRanges(best)) {
      if (r.end > best.length) break;
      if (await attempt(best.slice(0, r.start) + best.slice(r.end))) {
        progress = true;
        break; // ranges are stale now
      }
    }
    if (progress) continue;
    // 2. lines
    const lines = best.split('\n');
    for (let i = lines.length - 1; i >= 0 && !progress; i--) {
      if (await attempt([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'))) progress = true;
    }
    if (progress) continue;
    // 3. blank out each non-whitespace stretch that is not needed
    const words = [...best.matchAll(/\S+/g)];
    for (let i = words.length - 1; i >= 0 && !progress; i--) {
      const w = words[i];
      if (await attempt(best.slice(0, w.index) + best.slice(w.index! + w[0].length))) progress = true;
    }
  }
  return best;
}

/** Shrinks a program fault (keeping the fault kind) and saves it; returns the file written. */
export async function reproduce(core: Core, c: FuzzCase, fault: Fault, outDir: string, options: CheckOptions = {}, onAttempt?: () => void): Promise<string> {
  let source = c.source;
  let final = fault;
  if (c.kind !== 'snapshot' && c.kind !== 'artifact') {
    source = await shrinkSource(
      c.source,
      async (s) => {
        const f = await checkProgram(core, s, options);
        if (f && f.kind === fault.kind) {
          final = f;
          return true;
        }
        return false;
      },
      300,
      onAttempt,
    );
  }
  return saveFault(outDir, c, final, source);
}

/** Writes one reproducer: `<kind>-<seed>-<index>.js`, a comment header with the fault, then the program. */
export function saveFault(outDir: string, c: FuzzCase, fault: Fault, source: string): string {
  mkdirSync(outDir, { recursive: true });
  const safeKind = fault.kind.replace(/[^A-Za-z0-9_-]+/g, '_');
  const file = path.join(outDir, `${safeKind}-${c.seed}-${c.index}.js`);
  const comment = (s: string) => s.split('\n').map((l) => `// ${l}`).join('\n');
  const header = [
    `fault: ${fault.kind}`,
    `case: seed ${c.seed}, index ${c.index}, ${c.kind} (${c.origin})`,
    `rerun: npm run fuzz -- --seed ${c.seed} --from ${c.index} --count 1`,
    ...fault.detail.split('\n'),
  ];
  writeFileSync(file, `${comment(header.join('\n'))}\n${source}${source.endsWith('\n') ? '' : '\n'}`);
  return file;
}
