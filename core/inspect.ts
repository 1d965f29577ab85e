/**
 * Formats guest values for console output the way Node's `util.format` /
 * `util.inspect` do (default options: depth 2, breakLength 80, compact 3), so guest
 * console output matches what the same script prints under Node. Never runs guest code:
 * getters show as [Getter], like Node.
 */
import { FnFlags } from './chunk';
import {
  Accessor,
  BoundData,
  Cls,
  JSArray,
  JSCollection,
  JSDate,
  JSError,
  JSFunction,
  JSGenerator,
  JSIterator,
  IterKind,
  JSObject,
  JSPrimitiveObject,
  JSPromise,
  JSRegExp,
  NativeFunction,
  PromiseState,
  slotAt,
} from './objects';
import { Attr } from './shape';
import { GSymbol, HOLE, PrivateName, WELL_KNOWN, type PropertyKey, type Value } from './value';
import type { VM } from './vm/interpreter';
import { arrayIndexOf } from './vm/ops';

interface Ctx {
  vm: VM;
  seen: JSObject[];
  circular: Map<JSObject, number>;
  indentationLvl: number;
  currentDepth: number;
  depth: number;
  /** `%o`: non-enumerable properties too (Node shows an array's [length]). */
  showHidden: boolean;
}

const IDENT = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

/** `util.inspect(v)` for a guest value. */
export function inspect(vm: VM, v: Value, depth = 2, showHidden = false): string {
  const ctx: Ctx = { vm, seen: [], circular: new Map(), indentationLvl: 0, currentDepth: 0, depth, showHidden };
  const out = formatValue(ctx, v, 0, true);
  if (ctx.circular.size) {
    // a second pass knows which objects are referenced circularly
    const ctx2: Ctx = { ...ctx, seen: [], indentationLvl: 0, currentDepth: 0 };
    return formatValue(ctx2, v, 0, true);
  }
  return out;
}

/** `util.format(...args)`. */
export function format(vm: VM, args: Value[]): string {
  if (args.length === 0) return '';
  const first = args[0];
  let a = 1;
  let out = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let last = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const c = first[i + 1];
      if (c === '%') {
        out += first.slice(last, i) + '%';
        last = i + 2;
        i++;
        continue;
      }
      if (a >= args.length) continue;
      let rep: string | undefined;
      const arg = args[a];
      switch (c) {
        case 's':
          if (typeof arg === 'bigint') rep = `${arg}n`;
          else if (arg instanceof JSObject) rep = inspect(vm, arg, 0);
          else if (typeof arg === 'number' && Object.is(arg, -0)) rep = '-0';
          else if (arg instanceof GSymbol) rep = `Symbol(${arg.description ?? ''})`;
          else rep = String(arg);
          break;
        case 'd':
        case 'i': {
          if (typeof arg === 'bigint') rep = `${arg}n`;
          else if (arg instanceof JSObject || arg instanceof GSymbol) rep = 'NaN';
          else if (c === 'i') {
            const n = parseInt(String(arg));
            rep = Object.is(n, -0) ? '-0' : String(n);
          }
          else {
            const n = Number(arg);
            rep = Object.is(n, -0) ? '-0' : String(n);
          }
          break;
        }
        case 'f':
          rep = arg instanceof GSymbol ? 'NaN' : String(parseFloat(String(arg)));
          break;
        case 'j':
          rep = vm.realm.jsonStringify ? vm.realm.jsonStringify(vm, arg) : inspect(vm, arg);
          break;
        case 'o':
          rep = inspect(vm, arg, 4, true);
          break;
        case 'O':
          rep = inspect(vm, arg);
          break;
        case 'c':
          rep = '';
          break;
      }
      if (rep === undefined) continue;
      out += first.slice(last, i) + rep;
      last = i + 2;
      i++;
      a++;
    }
    out += first.slice(last);
  } else {
    out = typeof first === 'string' ? first : inspect(vm, first);
  }
  for (; a < args.length; a++) {
    const v = args[a];
    out += ' ' + (typeof v === 'string' ? v : inspect(vm, v));
  }
  return out;
}

function quote(s: string): string {
  let q = "'";
  if (s.includes("'")) {
    if (!s.includes('"')) q = '"';
    else if (!s.includes('`') && !s.includes('${')) q = '`';
  }
  return q + escapeText(s, q) + q;
}

/** `s` with `q`, backslashes, controls and lone surrogates escaped as Node's util.inspect does. */
function escapeText(s: string, q: string): string {
  let r = '';
  // as Node's util.inspect: C0 and C1 controls as \xHH (but \b \t \n \f \r), lone surrogates as \uhhhh
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') r += '\\' + ch;
    else if (ch === '\n') r += '\\n';
    else if (ch === '\t') r += '\\t';
    else if (ch === '\r') r += '\\r';
    else if (ch === '\b') r += '\\b';
    else if (ch === '\f') r += '\\f';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) r += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
    else if (c >= 0xd800 && c <= 0xdfff) r += '\\u' + c.toString(16);
    else r += ch;
  }
  return r;
}

function formatPrimitive(v: Value): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof GSymbol) return `Symbol(${v.description ?? ''})`;
  return String(v);
}

function keyString(k: PropertyKey): string {
  // a symbol key's text is escaped (Node: `[Symbol(a\\nb)]`), a symbol value's is not
  if (k instanceof GSymbol) return `[Symbol(${escapeText(k.description ?? '', "'")})]`;
  if (k instanceof PrivateName) return k.description;
  // an own property named __proto__ is not the prototype: Node writes it as a computed key
  if (k === '__proto__') return "['__proto__']";
  return IDENT.test(k) ? k : quote(k);
}

function fnDescription(vm: VM, f: JSObject): string {
  const nameV = f.shape.index.has('name') ? f.getSlot(f.shape.index.get('name')!) : '';
  const name = typeof nameV === 'string' ? nameV : '';
  if (f instanceof JSFunction) {
    const flags = f.code.flags;
    if (flags & FnFlags.ClassConstructor) {
      const parent = f.proto;
      let ext = '';
      if (parent && parent !== vm.realm.FunctionPrototype) {
        const pn = parent.shape.index.get('name');
        const pname = pn === undefined ? '' : parent.getSlot(pn);
        ext = ` extends ${typeof pname === 'string' ? pname : ''}`;
      }
      return name ? `[class ${name}${ext}]` : `[class (anonymous)${ext}]`;
    }
    const kind = flags & FnFlags.Async ? 'AsyncFunction' : flags & FnFlags.Generator ? 'GeneratorFunction' : 'Function';
    return name ? `[${kind}: ${name}]` : `[${kind} (anonymous)]`;
  }
  if (f instanceof NativeFunction && f.data instanceof BoundData) return name ? `[Function: ${name}]` : '[Function (anonymous)]';
  return name ? `[Function: ${name}]` : '[Function (anonymous)]';
}

function constructorName(o: JSObject | null): string | null {
  for (let p = o; p; p = p.proto) {
    const i = p.shape.index.get('constructor');
    if (i === undefined) continue;
    const c = p.getSlot(i);
    if (c instanceof JSObject) {
      const n = c.shape.index.get('name');
      const name = n === undefined ? undefined : c.getSlot(n);
      if (typeof name === 'string' && name) return name;
    }
    return null;
  }
  return null;
}

function formatValue(ctx: Ctx, v: Value, recurseTimes: number, top = false): string {
  void top;
  if (!(v instanceof JSObject)) return formatPrimitive(v);
  const vm = ctx.vm;
  if (ctx.seen.includes(v)) {
    let idx = ctx.circular.get(v);
    if (idx === undefined) {
      idx = ctx.circular.size + 1;
      ctx.circular.set(v, idx);
    }
    return `[Circular *${idx}]`;
  }
  return formatRaw(ctx, v, recurseTimes, vm);
}

function formatRaw(ctx: Ctx, o: JSObject, recurseTimes: number, vm: VM): string {
  const keys = vm.ownKeys(o, true).filter((k) => !(k instanceof PrivateName));
  const ctor = constructorName(o.proto);
  const tagV = toStringTag(vm, o);
  let braces: [string, string] = ['{', '}'];
  let base = '';
  let prefix = '';
  let entries: string[] = [];
  let isArrayLike = false;
  const protoName = o.proto === null ? '[Object: null prototype]' : ctor;

  const done = (): string => {
    const idx = ctx.circular.get(o);
    const ref = idx !== undefined ? `<ref *${idx}> ` : '';
    return ref + reduceToSingleString(ctx, entries, base, braces, isArrayLike, prefix, o instanceof JSArray ? o.elements : undefined);
  };

  if (o instanceof JSArray) {
    isArrayLike = true;
    prefix = ctor === 'Array' ? '' : `${protoName ?? 'Array'}(${o.elements.length}) `;
    braces = ['[', ']'];
    if (o.elements.length === 0 && keys.length === 0) return `${prefix}[]`;
    if (recurseTimes > ctx.depth) return '[Array]';
    ctx.seen.push(o);
    ctx.currentDepth = recurseTimes;
    entries = formatArray(ctx, o, recurseTimes);
    // index keys are the elements, shown above; '4294967295' and up are ordinary keys
    for (const k of keys) if (arrayIndexOf(k) < 0) entries.push(formatProperty(ctx, o, k, recurseTimes));
    if (ctx.showHidden) entries.push(`[length]: ${o.elements.length}`);
    ctx.seen.pop();
    return done();
  }
  if (o instanceof JSFunction || o instanceof NativeFunction) {
    base = fnDescription(vm, o);
    const own = keys.filter((k) => k !== 'prototype');
    if (own.length === 0) return base;
    if (recurseTimes > ctx.depth) return base;
    ctx.seen.push(o);
    entries = own.map((k) => formatProperty(ctx, o, k, recurseTimes));
    ctx.seen.pop();
    return done();
  }
  if (o instanceof JSError) {
    const stack = vm.get(o, 'stack');
    base = typeof stack === 'string' ? stack : `${String(vm.get(o, 'name'))}: ${String(vm.get(o, 'message'))}`;
    const own = keys.filter((k) => k !== 'stack' && k !== 'message');
    if (own.length === 0) return base;
    ctx.seen.push(o);
    entries = own.map((k) => formatProperty(ctx, o, k, recurseTimes));
    ctx.seen.pop();
    return done();
  }
  if (o instanceof JSRegExp) {
    base = `/${o.source}/${o.flags}`;
    const own = keys.filter((k) => k !== 'lastIndex');
    if (own.length === 0) return base;
  } else if (o instanceof JSDate) {
    base = Number.isNaN(o.time) ? 'Invalid Date' : new Date(o.time).toISOString();
    if (keys.length === 0) return base;
  } else if (o instanceof JSPrimitiveObject) {
    const t = o.cls === Cls.String ? 'String' : o.cls === Cls.Number ? 'Number' : o.cls === Cls.Boolean ? 'Boolean' : o.cls === Cls.BigInt ? 'BigInt' : 'Symbol';
    base = `[${t}: ${formatPrimitive(o.value)}]`;
    const own = o.cls === Cls.String ? keys.filter((k) => typeof k !== 'string' || !/^\d+$/.test(k)) : keys;
    if (own.length === 0) return base;
  } else if (o instanceof JSCollection) {
    const isMap = o.cls === Cls.Map;
    prefix = prefixOf(o.proto === null ? null : (ctor ?? (isMap ? 'Map' : 'Set')), tagV, isMap ? 'Map' : 'Set', `(${o.size})`);
    if (o.size === 0 && keys.length === 0) return `${prefix}{}`;
    if (recurseTimes > ctx.depth) return `[${isMap ? 'Map' : 'Set'}]`;
    ctx.seen.push(o);
    ctx.currentDepth = recurseTimes;
    for (let i = 0; i < o.keys.length; i++) {
      const k = o.keys[i];
      if (k === HOLE) continue;
      if (isMap) entries.push(`${formatValue(ctx, k as Value, recurseTimes + 1)} => ${formatValue(ctx, o.values[i], recurseTimes + 1)}`);
      else entries.push(formatValue(ctx, k as Value, recurseTimes + 1));
    }
    for (const k of keys) entries.push(formatProperty(ctx, o, k, recurseTimes));
    ctx.seen.pop();
    // Node groups only arrays' entries into columns, not a Set's
    return done();
  } else if (o instanceof JSPromise) {
    prefix = prefixOf(o.proto === null ? null : (ctor ?? 'Promise'), tagV, 'Promise');
    if (recurseTimes > ctx.depth) return '[Promise]';
    ctx.seen.push(o);
    if (o.state === PromiseState.Pending) entries.push('<pending>');
    else if (o.state === PromiseState.Rejected) entries.push(`<rejected> ${formatValue(ctx, o.result, recurseTimes + 1)}`);
    else entries.push(formatValue(ctx, o.result, recurseTimes + 1));
    for (const k of keys) entries.push(formatProperty(ctx, o, k, recurseTimes));
    ctx.seen.pop();
    return done();
  } else if (o instanceof JSIterator && o.target instanceof JSCollection) {
    // `[Map Entries] { [ 1, 2 ] }`, `[Set Iterator] { 1 }`: the entries still to come
    const type = o.target.cls === Cls.Map ? 'Map' : 'Set';
    let t = tagV !== undefined && tagV !== `${type} Iterator` ? `${tagV}] [${type} Iterator` : `${type} Iterator`;
    if (o.kind === IterKind.Entries) t = t.replace(/ Iterator$/, ' Entries');
    braces = [`[${t}] {`, '}'];
    if (recurseTimes > ctx.depth) return '[Object]';
    ctx.seen.push(o);
    entries = iteratorPreview(ctx, o, recurseTimes);
    for (const k of keys) entries.push(formatProperty(ctx, o, k, recurseTimes));
    ctx.seen.pop();
    return done();
  } else {
    if (o.proto === null) prefix = prefixOf(null, tagV, 'Object');
    else if (ctor && ctor !== 'Object') prefix = prefixOf(ctor, tagV, 'Object');
    else if (tagV) prefix = prefixOf(ctor ?? 'Object', tagV, 'Object');
    if (keys.length === 0) return `${prefix}{}`;
  }
  if (recurseTimes > ctx.depth) return ctor && ctor !== 'Object' ? `[${ctor}]` : '[Object]';
  ctx.seen.push(o);
  ctx.currentDepth = recurseTimes;
  entries = keys.map((k) => formatProperty(ctx, o, k, recurseTimes));
  ctx.seen.pop();
  return done();
}

/**
 * Node's rule for the `[tag]` in a prefix: the object's Symbol.toStringTag, unless it is an own
 * enumerable property (then it is listed with the keys anyway). Only data properties are read:
 * inspect never runs a guest getter.
 */
function toStringTag(vm: VM, o: JSObject): string | undefined {
  for (let p: JSObject | null = o; p; p = p.proto) {
    const i = p.shape.index.get(WELL_KNOWN.toStringTag);
    if (i === undefined) continue;
    if (p === o && vm.ownAttrs(o, WELL_KNOWN.toStringTag) & Attr.Enumerable) return undefined;
    const t = p.getSlot(i);
    return typeof t === 'string' && t !== '' ? t : undefined;
  }
  return undefined;
}

/** Node's prefix of a Map/Set/Promise (or subclass): `B(0) [Map] ` when the tag is not the constructor's name. */
function prefixOf(ctor: string | null, tag: string | undefined, fallback: string, size = ''): string {
  if (ctor === null) return tag && tag !== fallback ? `[${fallback}${size}: null prototype] [${tag}] ` : `[${fallback}${size}: null prototype] `;
  return tag && tag !== ctor ? `${ctor}${size} [${tag}] ` : `${ctor}${size} `;
}

/** Entries a Map/Set iterator has still to give (Node previews them without advancing it). */
function iteratorPreview(ctx: Ctx, it: JSIterator, recurseTimes: number): string[] {
  const c = it.target as JSCollection;
  const out: string[] = [];
  if (it.done) return out;
  const isMap = c.cls === Cls.Map;
  for (let p = slotAt(c, it.pos); p < c.keys.length && out.length < MAX_ARRAY_LENGTH; p++) {
    const k = c.keys[p];
    if (k === HOLE) continue;
    const v = isMap ? c.values[p] : (k as Value);
    if (it.kind === IterKind.Entries) out.push(`[ ${formatValue(ctx, k as Value, recurseTimes + 1)}, ${formatValue(ctx, v, recurseTimes + 1)} ]`);
    else out.push(formatValue(ctx, it.kind === IterKind.Keys ? (k as Value) : v, recurseTimes + 1));
  }
  return out;
}

const MAX_ARRAY_LENGTH = 100;

/** As Node's formatArray: at most 100 entries, where a run of holes is one entry. */
function formatArray(ctx: Ctx, a: JSArray, recurseTimes: number): string[] {
  const out: string[] = [];
  const el = a.elements;
  const len = Math.min(el.length, MAX_ARRAY_LENGTH);
  for (let i = 0; i < len; i++) {
    if (el[i] === HOLE) return formatSparse(ctx, el, recurseTimes, len, out, i);
    out.push(formatValue(ctx, el[i] as Value, recurseTimes + 1));
  }
  if (el.length > len) out.push(`... ${el.length - len} more item${el.length - len > 1 ? 's' : ''}`);
  return out;
}

/** Node's formatSpecialArray: from the first hole on, runs of holes become `<n empty items>`. */
function formatSparse(ctx: Ctx, el: readonly unknown[], recurseTimes: number, maxLength: number, out: string[], first: number): string[] {
  let index = first;
  for (let k = first; k < el.length && out.length < maxLength; k++) {
    if (el[k] === HOLE) continue;
    if (k !== index) {
      out.push(`<${k - index} empty item${k - index > 1 ? 's' : ''}>`);
      index = k;
      if (out.length === maxLength) break;
    }
    out.push(formatValue(ctx, el[k] as Value, recurseTimes + 1));
    index++;
  }
  const remaining = el.length - index;
  if (out.length !== maxLength) {
    if (remaining > 0) out.push(`<${remaining} empty item${remaining > 1 ? 's' : ''}>`);
  } else if (remaining > 0) out.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  return out;
}

function formatProperty(ctx: Ctx, o: JSObject, k: PropertyKey, recurseTimes: number): string {
  const vm = ctx.vm;
  const slot = vm.ownSlot(o, k);
  const attrs = vm.ownAttrs(o, k);
  const name = keyString(k);
  if (attrs & Attr.Accessor || slot instanceof Accessor) {
    const a = slot as Accessor;
    const s = a.get ? (a.set ? '[Getter/Setter]' : '[Getter]') : a.set ? '[Setter]' : 'undefined';
    return `${name}: ${s}`;
  }
  ctx.indentationLvl += 2;
  const str = formatValue(ctx, slot as Value, recurseTimes + 1);
  ctx.indentationLvl -= 2;
  return `${name}: ${str}`;
}

function isBelowBreakLength(ctx: Ctx, output: string[], start: number, base: string): boolean {
  let totalLength = output.length + start;
  if (totalLength + output.length > 80) return false;
  for (const s of output) {
    totalLength += s.length;
    if (totalLength > 80) return false;
  }
  return base === '' || !base.includes('\n');
}

function reduceToSingleString(ctx: Ctx, output: string[], base: string, braces: [string, string], isArrayLike: boolean, prefix: string, value?: readonly unknown[]): string {
  let entries = output;
  const b0 = prefix + braces[0];
  if (isArrayLike && output.length > 6) entries = groupArrayElements(ctx, output, value);
  if (ctx.currentDepth - ctx.currentDepth < 3 && entries.length === output.length) {
    const start = output.length + ctx.indentationLvl + b0.length + base.length + 10;
    if (isBelowBreakLength(ctx, output, start, base)) {
      const joined = output.join(', ');
      if (!joined.includes('\n')) return `${base ? `${base} ` : ''}${b0} ${joined} ${braces[1]}`;
    }
  }
  const ind = ' '.repeat(ctx.indentationLvl);
  const sep = `,\n${ind}  `;
  return `${base ? `${base} ` : ''}${b0}\n${ind}  ${entries.join(sep)}\n${ind}${braces[1]}`;
}

/** Node's column grouping of long arrays of short items. */
function groupArrayElements(ctx: Ctx, output: string[], value: readonly unknown[] | undefined): string[] {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  // the "... n more items" entry takes no part in the columns
  if (MAX_ARRAY_LENGTH < output.length) outputLength--;
  const separatorSpace = 2;
  const dataLen = new Array<number>(outputLength);
  for (let i = 0; i < outputLength; i++) {
    const len = output[i].length;
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < 80 && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const approxCharHeights = 2.5;
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(approxCharHeights * biasedMax * outputLength) / biasedMax),
      Math.floor((80 - ctx.indentationLvl) / actualMax),
      3 * 4,
      15,
    );
    if (columns <= 1) return output;
    const tmp: string[] = [];
    const maxLineLength: number[] = [];
    for (let c = 0; c < columns; c++) {
      let lineLength = 0;
      for (let j = c; j < output.length; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
      maxLineLength.push(lineLength + separatorSpace);
    }
    // numbers align right when the array's first entries are all numbers (Node looks at the values)
    let padStart = true;
    if (value !== undefined) {
      for (let i = 0; i < output.length; i++) {
        if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
          padStart = false;
          break;
        }
      }
    }
    for (let j = 0; j < outputLength; j += columns) {
      const max = Math.min(j + columns, outputLength);
      let str = '';
      let k = j;
      for (; k < max - 1; k++) {
        const padding = maxLineLength[k - j] + output[k].length - dataLen[k];
        str += padStart ? `${output[k]}, `.padStart(padding, ' ') : `${output[k]}, `.padEnd(padding, ' ');
      }
      if (padStart) {
        const padding = maxLineLength[k - j] + output[k].length - dataLen[k] - separatorSpace;
        str += output[k].padStart(padding, ' ');
      } else str += output[k];
      tmp.push(str);
    }
    if (MAX_ARRAY_LENGTH < output.length) tmp.push(output[outputLength]);
    return tmp;
  }
  return output;
}
