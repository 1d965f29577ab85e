/**
 * The bridge between guest RegExp objects and Capsule's own regex engine (core/regex):
 * compilation (with a process-wide cache of compiled programs), the step budget, the
 * `lastIndex` protocol, exec result arrays, GetSubstitution, and the cores of the
 * regex-driven String methods (match, replace, search, split). Everything here runs
 * without guest code; function replacers are handed to the prelude by the callers.
 *
 * Budget: each engine run gets the run's remaining instruction budget as its step
 * budget, and the steps it used are counted in `realm.regexSteps`, which counts against
 * `limits.instructions` together with `vm.instructions`. A catastrophic pattern therefore
 * stops with a deterministic `LimitError('instructions')`.
 */
import { LimitError } from '../errors';
import { Cls, JSArray, JSObject, JSRegExp } from '../objects';
import { compileRegex, escapeRegexSource, execRegex, RegexBudgetError, RegexSyntaxError, type CompiledRegex, type RegexMatch } from '../regex/index';
import { Attr } from '../shape';
import { type Value } from '../value';
import type { VM } from '../vm/interpreter';
import { toIntegerOrInfinity } from '../vm/ops';
import { GuestError } from '../vm/throw';
import { toNumber, toString } from './util';

declare module '../vm/realm' {
  interface Realm {
    /** Regex engine steps used in this realm; they count against `limits.instructions`. */
    regexSteps: number;
    /** Patterns (flags/source) whose compilation this realm has been charged for. */
    regexCompiled?: Set<string>;
  }
}

/** V8's String::kMaxLength on 64-bit hosts: longer results are a RangeError there. */
export const V8_MAX_STRING_LENGTH = 2 ** 29 - 24;

// ---- compilation --------------------------------------------------------------------

const cache = new Map<string, CompiledRegex>();
const CACHE_MAX = 512;
const CACHE_MAX_SOURCE = 4096;

/**
 * Steps charged per pattern character for compiling it: compilation costs a few
 * microseconds per character (about as much as a couple of hundred engine steps), and a
 * guest must not get unbudgeted host time by building huge patterns.
 */
const COMPILE_STEPS_PER_CHAR = 256;

/**
 * Compiles `source` with canonical-or-not `flags` (cached process-wide). Throws a guest
 * SyntaxError with V8's message for invalid patterns or flags. With a VM, the first
 * compilation of a pattern in its realm is charged against the instruction budget
 * before it runs (so the charge depends only on the program, not on the cache).
 */
export function compilePattern(vm: VM | null, source: string, flags: string): CompiledRegex {
  const key = flags + '/' + source;
  if (vm) {
    const r = vm.realm;
    const seen = (r.regexCompiled ??= new Set());
    if (!seen.has(key)) {
      chargeSteps(vm, 64 + source.length * COMPILE_STEPS_PER_CHAR, `compiling a regular expression of ${source.length} characters`);
      if (seen.size < 10_000) seen.add(key);
    }
  }
  let c = cache.get(key);
  if (c === undefined) {
    try {
      c = compileRegex(source, flags);
    } catch (e) {
      if (e instanceof RegexSyntaxError) throw new GuestError('SyntaxError', e.message);
      // (host stack exhaustion in the engine for enormous patterns)
      if (e instanceof RangeError) throw new GuestError('SyntaxError', `Invalid regular expression: /${source}/${flags}: Regular expression too large`);
      throw e;
    }
    if (source.length <= CACHE_MAX_SOURCE) {
      if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
      cache.set(key, c);
    }
  }
  return c;
}

/** The compiled program of a guest regex (rebuilt from source/flags after a restore). */
export function compiledOf(re: JSRegExp): CompiledRegex {
  const c = re.compiled as CompiledRegex | null;
  if (c && typeof c === 'object' && (c as CompiledRegex).flags === re.flags) return c;
  const fresh = compilePattern(null, re.source, re.flags);
  re.compiled = fresh;
  return fresh;
}

/** The same pattern with different flags (split's searcher, sticky probes). */
export function variant(re: JSRegExp, add: string, remove: string): CompiledRegex {
  let f = '';
  for (const ch of re.flags) if (!remove.includes(ch)) f += ch;
  for (const ch of add) if (!f.includes(ch)) f += ch;
  const base = compiledOf(re);
  if (f === re.flags) return base;
  return compilePattern(null, base.source, f);
}

// ---- budget ---------------------------------------------------------------------------

function remainingBudget(vm: VM): number {
  const r = vm.realm;
  return vm.limits.instructions - vm.instructions - (r.regexSteps || 0);
}

function budgetError(vm: VM, what: string): LimitError {
  const limit = vm.limits.instructions;
  return new LimitError(
    'instructions',
    limit,
    vm.instructions + (vm.realm.regexSteps || 0),
    `limit exceeded: instructions (limit ${limit}) in ${what}; raise it with limits.instructions`,
  );
}

/** Counts `n` steps of built-in work against the instruction budget. */
export function chargeSteps(vm: VM, n: number, what = 'regular expression work'): void {
  const r = vm.realm;
  r.regexSteps = (r.regexSteps || 0) + n;
  if (vm.instructions + r.regexSteps > vm.limits.instructions) throw budgetError(vm, what);
}

/** Largest step budget one engine run may get when the instruction limit is unbounded. */
const MAX_RUN_STEPS = 2e9;

/** One engine run: the first match at or after `from` (only at `from` for sticky programs). */
export function runRegex(vm: VM, c: CompiledRegex, input: string, from: number): RegexMatch | null {
  const avail = Math.min(remainingBudget(vm), MAX_RUN_STEPS);
  if (!(avail > 0)) throw budgetError(vm, `matching /${shorten(c.source)}/${c.flags}`);
  const budget = { remaining: avail };
  const r = vm.realm;
  let m: RegexMatch | null;
  try {
    m = execRegex(c, input, from, budget);
  } catch (e) {
    if (e instanceof RegexBudgetError) {
      r.regexSteps = (r.regexSteps || 0) + avail;
      trimScratch(c);
      throw budgetError(vm, `matching /${shorten(c.source)}/${c.flags}`);
    }
    throw e;
  }
  r.regexSteps = (r.regexSteps || 0) + (avail - budget.remaining);
  if (avail - budget.remaining > TRIM_AFTER_STEPS) trimScratch(c);
  return m;
}

/** Runs longer than this may have grown the engine's backtrack stack a lot. */
const TRIM_AFTER_STEPS = 1 << 20;

/**
 * Compiled programs are cached process-wide and keep their matcher scratch state: drop
 * a backtrack stack that a long run grew, so it is not retained after the run.
 */
function trimScratch(c: CompiledRegex): void {
  const st = (c as { state?: { stack?: unknown } }).state;
  if (st && st.stack instanceof Int32Array && st.stack.length > 1 << 16) st.stack = new Int32Array(256);
}

function shorten(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

// ---- guest RegExp objects -----------------------------------------------------------

/** RegExpAlloc + RegExpInitialize: a new guest regex with `lastIndex` 0. */
export function createRegExp(vm: VM, proto: JSObject, pattern: string, flags: string): JSRegExp {
  const c = compilePattern(vm, pattern, flags);
  const re = new JSRegExp(proto, escapeRegexSource(pattern), c.flags, c);
  re.shape = vm.realm.rootShape(proto).add('lastIndex', Attr.Writable);
  re.pushSlot(0);
  vm.charge(96 + pattern.length * 2);
  return re;
}

/** The slot of an own `lastIndex` (slot 0 on every regex we create), if any. */
function lastIndexSlot(re: JSObject): number | undefined {
  return re.shape.keys[0] === 'lastIndex' ? 0 : re.shape.index.get('lastIndex');
}

/** ToLength(Get(R, "lastIndex")). */
export function getLastIndex(vm: VM, re: JSObject): number {
  const i = lastIndexSlot(re);
  let v: Value;
  if (i !== undefined && !(re.shape.attrs[i] & Attr.Accessor)) v = re.getSlot(i) as Value;
  else v = vm.get(re, 'lastIndex');
  const n = typeof v === 'number' ? v : toNumber(vm, v);
  return toLength(n);
}

/** The raw `lastIndex` value (for search's SameValue checks). */
export function rawLastIndex(vm: VM, re: JSObject): Value {
  const i = lastIndexSlot(re);
  if (i !== undefined && !(re.shape.attrs[i] & Attr.Accessor)) return re.getSlot(i) as Value;
  return vm.get(re, 'lastIndex');
}

/** Set(R, "lastIndex", v, true). */
export function setLastIndex(vm: VM, re: JSObject, v: Value): void {
  const i = lastIndexSlot(re);
  if (i !== undefined && (re.shape.attrs[i] & (Attr.Writable | Attr.Accessor)) === Attr.Writable) {
    re.setSlot(i, v);
    return;
  }
  if (i !== undefined && !(re.shape.attrs[i] & Attr.Accessor)) {
    throw new GuestError('TypeError', `Cannot assign to read only property 'lastIndex' of object '[object RegExp]'`);
  }
  vm.set(re, 'lastIndex', v);
}

export function toLength(n: number): number {
  const i = toIntegerOrInfinity(n);
  if (i <= 0) return 0;
  return Math.min(i, Number.MAX_SAFE_INTEGER);
}

/** AdvanceStringIndex. */
export function advance(s: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= s.length) return i + 1;
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return i + 1;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}

export const isUnicode = (flags: string): boolean => flags.includes('u') || flags.includes('v');

/**
 * RegExpBuiltinExec without building the result: reads and updates `lastIndex` as the
 * spec does and returns the engine's match.
 */
export function builtinExec(vm: VM, re: JSRegExp, s: string): RegexMatch | null {
  const c = compiledOf(re);
  let lastIndex = getLastIndex(vm, re);
  const flags = re.flags;
  const gy = flags.includes('g') || flags.includes('y');
  if (!gy) lastIndex = 0;
  else if (lastIndex > s.length) {
    setLastIndex(vm, re, 0);
    return null;
  }
  const m = runRegex(vm, c, s, lastIndex);
  if (m === null) {
    if (gy) setLastIndex(vm, re, 0);
    return null;
  }
  if (gy) setLastIndex(vm, re, m.end);
  return m;
}

/** The captures 1..n of a match as guest values (undefined when not participating). */
export function captureList(s: string, m: RegexMatch, n: number): Value[] {
  const caps = m.captures;
  const out: Value[] = new Array(n);
  for (let g = 1; g <= n; g++) {
    const st = caps[2 * g];
    out[g - 1] = st < 0 ? undefined : s.slice(st, caps[2 * g + 1]);
  }
  return out;
}

function nullObject(vm: VM): JSObject {
  vm.charge(64);
  return new JSObject(null, Cls.Object, vm.realm.rootShape(null));
}

function hasNames(c: CompiledRegex): boolean {
  for (let g = 1; g <= c.groupCount; g++) if (c.groupNames[g] !== undefined) return true;
  return false;
}

/**
 * A null-prototype object mapping group names to `values[group - 1]` (for duplicate
 * names the participating group wins).
 */
function namedObject(vm: VM, c: CompiledRegex, values: Value[]): JSObject {
  const o = nullObject(vm);
  for (let i = 1; i <= c.groupCount; i++) {
    const name = c.groupNames[i];
    if (name === undefined) continue;
    const v = values[i - 1];
    const k = o.getOwnSlot(name);
    if (k < 0) o.addProperty(name, v, Attr.Default);
    else if (v !== undefined) o.setSlot(k, v);
  }
  return o;
}

/** The `groups` object of a match (null prototype), or undefined without named groups. */
export function groupsObject(vm: VM, c: CompiledRegex, s: string, m: RegexMatch): Value {
  return hasNames(c) ? namedObject(vm, c, captureList(s, m, c.groupCount)) : undefined;
}

/** The exec result array: captures, index, input, groups (and indices for /d). */
export function execResult(vm: VM, re: JSRegExp, s: string, m: RegexMatch): JSArray {
  const c = compiledOf(re);
  const n = c.groupCount;
  const caps = captureList(s, m, n);
  const a = vm.newArray([s.slice(m.index, m.end), ...caps]);
  const named = hasNames(c);
  const groups = named ? namedObject(vm, c, caps) : undefined;
  const r = vm.realm;
  if (re.flags.includes('d')) {
    const pairs: Value[] = new Array(n + 1);
    const k = m.captures;
    for (let g = 0; g <= n; g++) pairs[g] = k[2 * g] < 0 ? undefined : vm.newArray([k[2 * g], k[2 * g + 1]]);
    const indices = vm.newArray(pairs);
    const igroups = named ? namedObject(vm, c, pairs.slice(1)) : undefined;
    indices.shape = r.arrayShape.add('groups', Attr.Default);
    indices.pushSlot(igroups);
    a.shape = r.arrayShape.add('index', Attr.Default).add('input', Attr.Default).add('groups', Attr.Default).add('indices', Attr.Default);
    a.pushSlot(m.index);
    a.pushSlot(s);
    a.pushSlot(groups);
    a.pushSlot(indices);
  } else {
    a.shape = r.arrayShape.add('index', Attr.Default).add('input', Attr.Default).add('groups', Attr.Default);
    a.pushSlot(m.index);
    a.pushSlot(s);
    a.pushSlot(groups);
  }
  return a;
}

// ---- GetSubstitution ----------------------------------------------------------------

/**
 * GetSubstitution (ES2023): expands `$$`, `$&`, `` $` ``, `$'`, `$n`, `$nn` and `$<name>`
 * in a replacement template.
 */
export function getSubstitution(
  vm: VM,
  matched: string,
  str: string,
  position: number,
  captures: Value[],
  namedCaptures: Value,
  template: string,
): string {
  const dollar = template.indexOf('$');
  if (dollar < 0) return template;
  let out = template.slice(0, dollar);
  const m = captures.length;
  const tailPos = Math.min(position + matched.length, str.length);
  let i = dollar;
  const n = template.length;
  while (i < n) {
    const ch = template.charCodeAt(i);
    if (ch !== 0x24 /* $ */ || i + 1 >= n) {
      const next = template.indexOf('$', i + 1);
      const end = next < 0 ? n : next;
      out += template.slice(i, end);
      i = end;
      continue;
    }
    const c = template.charCodeAt(i + 1);
    if (c === 0x24) {
      out += '$';
      i += 2;
    } else if (c === 0x26 /* & */) {
      out += matched;
      i += 2;
    } else if (c === 0x60 /* ` */) {
      out += str.slice(0, position);
      i += 2;
    } else if (c === 0x27 /* ' */) {
      out += str.slice(tailPos);
      i += 2;
    } else if (c >= 0x30 && c <= 0x39) {
      let digitCount = i + 2 < n && isDigit(template.charCodeAt(i + 2)) ? 2 : 1;
      let index = digitCount === 2 ? (c - 0x30) * 10 + (template.charCodeAt(i + 2) - 0x30) : c - 0x30;
      if (index > m && digitCount === 2) {
        digitCount = 1;
        index = c - 0x30;
      }
      if (index >= 1 && index <= m) {
        const cap = captures[index - 1];
        if (cap !== undefined) out += typeof cap === 'string' ? cap : toString(vm, cap);
      } else out += template.slice(i, i + 1 + digitCount);
      i += 1 + digitCount;
    } else if (c === 0x3c /* < */) {
      const gt = template.indexOf('>', i);
      if (gt < 0 || namedCaptures === undefined) {
        out += '$<';
        i += 2;
      } else {
        const name = template.slice(i + 2, gt);
        const cap = namedCaptures instanceof JSObject ? vm.get(namedCaptures, name) : undefined;
        if (cap !== undefined) out += toString(vm, cap);
        i = gt + 1;
      }
    } else {
      out += '$';
      i += 1;
    }
    if (out.length > vm.maxStringLength) vm.stringTooLong(out.length);
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

// ---- string building ------------------------------------------------------------------

/**
 * Checks a string result of `n` code units before it is built: a RangeError where V8
 * would throw one, a LimitError beyond the string/heap budget.
 */
export function checkStringLength(vm: VM, n: number): void {
  if (n > V8_MAX_STRING_LENGTH) throw new GuestError('RangeError', 'Invalid string length');
  if (n > vm.maxStringLength) vm.stringTooLong(n);
  if (n > 4096) vm.reserve(n * 2);
}

/** Joins pieces after checking the result against the string and heap limits. */
export function joinChecked(vm: VM, parts: string[], total: number): string {
  checkStringLength(vm, total);
  const s = parts.length === 1 ? parts[0] : parts.join('');
  if (total > 64) vm.charge(16 + total * 2);
  return s;
}

// ---- the regex cores of the String methods --------------------------------------------

/** Matches of a replace: the engine matches, collected as the spec collects its results. */
export function collectReplaceMatches(vm: VM, re: JSRegExp, s: string): RegexMatch[] {
  const flags = re.flags;
  const global = flags.includes('g');
  const results: RegexMatch[] = [];
  if (!global) {
    const m = builtinExec(vm, re, s);
    if (m) results.push(m);
    return results;
  }
  const unicode = isUnicode(flags);
  setLastIndex(vm, re, 0);
  const c = compiledOf(re);
  let last = 0;
  for (;;) {
    if (last > s.length) break;
    const m = runRegex(vm, c, s, last);
    if (m === null) break;
    results.push(m);
    last = m.end === m.index ? advance(s, m.end, unicode) : m.end;
    if ((results.length & 1023) === 0) vm.charge(1024 * 16);
  }
  setLastIndex(vm, re, 0);
  return results;
}

/** RegExp.prototype[@@replace] with a string template. */
export function replaceWithTemplate(vm: VM, re: JSRegExp, s: string, template: string): string {
  const results = collectReplaceMatches(vm, re, s);
  if (results.length === 0) return s;
  const c = compiledOf(re);
  const n = c.groupCount;
  const plain = template.indexOf('$') < 0;
  const parts: string[] = [];
  let total = 0;
  let next = 0;
  for (const m of results) {
    const position = m.index;
    let rep: string;
    if (plain) rep = template;
    else {
      const groups = groupsObject(vm, c, s, m);
      rep = getSubstitution(vm, s.slice(m.index, m.end), s, position, captureList(s, m, n), groups, template);
    }
    if (position >= next) {
      if (position > next) parts.push(s.slice(next, position));
      parts.push(rep);
      total += position - next + rep.length;
      next = m.end;
      if (total > vm.maxStringLength) vm.stringTooLong(total);
    }
  }
  if (next < s.length) {
    parts.push(s.slice(next));
    total += s.length - next;
  }
  return joinChecked(vm, parts, total);
}

/**
 * The calls a function replacer receives and the literal pieces between matches:
 * result = pieces[0] + String(f(...calls[0])) + pieces[1] + ...
 */
export function replaceCalls(vm: VM, re: JSRegExp, s: string): { calls: Value[]; pieces: Value[] } | null {
  const results = collectReplaceMatches(vm, re, s);
  if (results.length === 0) return null;
  const c = compiledOf(re);
  const n = c.groupCount;
  const calls: Value[] = [];
  const pieces: Value[] = [];
  let next = 0;
  for (const m of results) {
    const args: Value[] = [s.slice(m.index, m.end)];
    const caps = captureList(s, m, n);
    for (const v of caps) args.push(v);
    args.push(m.index, s);
    const groups = groupsObject(vm, c, s, m);
    if (groups !== undefined) args.push(groups);
    calls.push(vm.newArray(args));
    pieces.push(s.slice(next, m.index));
    next = m.end;
  }
  pieces.push(s.slice(next));
  return { calls, pieces };
}

/** RegExp.prototype[@@match]. */
export function regexpMatch(vm: VM, re: JSRegExp, s: string): Value {
  const flags = re.flags;
  if (!flags.includes('g')) {
    const m = builtinExec(vm, re, s);
    return m === null ? null : execResult(vm, re, s, m);
  }
  const unicode = isUnicode(flags);
  setLastIndex(vm, re, 0);
  const c = compiledOf(re);
  const out: Value[] = [];
  let last = 0;
  for (;;) {
    if (last > s.length) break;
    const m = runRegex(vm, c, s, last);
    if (m === null) break;
    out.push(s.slice(m.index, m.end));
    last = m.end === m.index ? advance(s, m.end, unicode) : m.end;
  }
  setLastIndex(vm, re, 0);
  return out.length === 0 ? null : vm.newArray(out);
}

/** RegExp.prototype[@@search]. */
export function regexpSearch(vm: VM, re: JSRegExp, s: string): number {
  const prev = rawLastIndex(vm, re);
  if (!Object.is(prev, 0)) setLastIndex(vm, re, 0);
  const m = builtinExec(vm, re, s);
  const cur = rawLastIndex(vm, re);
  if (!Object.is(cur, prev)) setLastIndex(vm, re, prev);
  return m === null ? -1 : m.index;
}

function isMidPair(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return false;
  const a = s.charCodeAt(i - 1);
  const b = s.charCodeAt(i);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}

/** RegExp.prototype[@@split] (the splitter is a sticky copy; the original's lastIndex is untouched). */
export function regexpSplit(vm: VM, re: JSRegExp, s: string, lim: number): JSArray {
  const out: Value[] = [];
  if (lim === 0) return vm.newArray(out);
  const size = s.length;
  const unicode = isUnicode(re.flags);
  if (size === 0) {
    const z = runRegex(vm, variant(re, 'y', 'g'), s, 0);
    return vm.newArray(z === null ? [s] : []);
  }
  // Trying a sticky match at every position q is the same as searching from q for the
  // first position with a match (positions inside a surrogate pair never start one in
  // unicode mode, since AdvanceStringIndex skips them).
  const searcher = variant(re, '', 'gy');
  const n = searcher.groupCount;
  let p = 0;
  let q = 0;
  while (q < size) {
    const m = runRegex(vm, searcher, s, q);
    if (m === null) break;
    const at = m.index;
    if (at >= size) break;
    if (unicode && isMidPair(s, at)) {
      q = at + 1;
      continue;
    }
    const e = Math.min(m.end, size);
    if (e === p) {
      q = advance(s, at, unicode);
      continue;
    }
    out.push(s.slice(p, at));
    if (out.length === lim) return vm.newArray(out);
    p = e;
    const caps = m.captures;
    for (let g = 1; g <= n; g++) {
      const st = caps[2 * g];
      out.push(st < 0 ? undefined : s.slice(st, caps[2 * g + 1]));
      if (out.length === lim) return vm.newArray(out);
    }
    q = p;
  }
  out.push(s.slice(p));
  return vm.newArray(out);
}
