/**
 * The portable form of a {@link CompiledProgram}: every FunctionCode as plain data
 * (typed arrays as little-endian bytes, constants tagged where JSON/msgpack would lose
 * them), the decoder that rebuilds FunctionCodes from it, and the structural verifier
 * the decoder runs, so a loaded artifact never hands the VM code it would misread
 * (operands past the end, jumps into the middle of an instruction, constant, local or
 * function indexes out of range, bad span tables). Used by program artifacts
 * (artifact.ts); the program hash is computed over this form.
 */
import { CompiledProgram, FunctionCode, icTable, type Constant, type TemplateConst } from './chunk';
import { SerializationError } from './errors';
import { Op, OPERANDS, OP_NAMES } from './opcodes';

/**
 * A string as stored: as is when it is well-formed UTF-16, else (a lone surrogate, which
 * UTF-8 cannot carry) its UTF-16LE code units.
 */
export type EncodedString = string | { t: 'utf16'; v: Uint8Array };

/** A constant as stored: strings and ordinary numbers as is, the rest tagged. */
export type EncodedConstant =
  | EncodedString
  | number
  | { t: 'neg0' }
  | { t: 'bigint'; v: string }
  | { t: 'template'; cooked: (EncodedString | null)[]; raw: EncodedString[]; site: number };

/** One FunctionCode as plain data. Int32Arrays are little-endian bytes. */
export interface EncodedFunction {
  name: string;
  index: number;
  code: Uint8Array;
  constants: EncodedConstant[];
  spans: Uint8Array;
  pcSpans: Uint8Array;
  stmtStarts: Uint8Array;
  localNames: string[];
  length: number;
  nparams: number;
  nlocals: number;
  hasRest: boolean;
  fieldInitFlag: boolean;
  flags: number;
  start: number;
  end: number;
  line: number;
  column: number;
  /**
   * Other plain-data fields of the FunctionCode (debugger metadata such as environment
   * slot names), carried as they are so new compiler tables survive the round trip.
   */
  extra?: Record<string, unknown>;
}

export interface EncodedProgram {
  source: EncodedString;
  functions: EncodedFunction[];
  freeNames: string[];
  templateSites: number;
}

function int32Bytes(a: Int32Array): Uint8Array {
  const out = new Uint8Array(a.length * 4);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < a.length; i++) dv.setInt32(i * 4, a[i], true);
  return out;
}

function bytesInt32(b: Uint8Array, what: string): Int32Array {
  if (!(b instanceof Uint8Array) || b.length % 4 !== 0) throw bad(`${what} is not a whole number of 32-bit words`);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out = new Int32Array(b.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = dv.getInt32(i * 4, true);
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function encodeString(s: string): EncodedString {
  if (!LONE_SURROGATE.test(s)) return s;
  const v = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    v[i * 2] = c & 255;
    v[i * 2 + 1] = c >> 8;
  }
  return { t: 'utf16', v };
}

function decodeString(e: unknown, where: string): string {
  if (typeof e === 'string') return e;
  if (isObj(e) && e.t === 'utf16' && e.v instanceof Uint8Array && e.v.length % 2 === 0) {
    let out = '';
    for (let i = 0; i < e.v.length; i += 2) out += String.fromCharCode(e.v[i] | (e.v[i + 1] << 8));
    return out;
  }
  throw bad(`${where}: not a string`);
}

function encodeConstant(c: Constant): EncodedConstant {
  if (typeof c === 'string') return encodeString(c);
  if (typeof c === 'number') return Object.is(c, -0) ? { t: 'neg0' } : c;
  if (typeof c === 'bigint') return { t: 'bigint', v: c.toString() };
  return { t: 'template', cooked: c.cooked.map((s) => (s === undefined ? null : encodeString(s))), raw: c.raw.map(encodeString), site: c.site };
}

/** FunctionCode fields with their own encoding, and the interpreter's private ones. */
const KNOWN_FIELDS = new Set([
  'name', 'index', 'code', 'constants', 'spans', 'pcSpans', 'stmtStarts', 'localNames', 'length', 'nparams',
  'nlocals', 'hasRest', 'fieldInitFlag', 'flags', 'start', 'end', 'line', 'column', 'ic', 'unit',
  'fused', 'fusedFrom',
]);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON-like data (strings, finite numbers, booleans, null, arrays, plain objects), bounded in depth. */
function isPlainData(v: unknown, depth = 0): boolean {
  if (depth > 8) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isPlainData(x, depth + 1));
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.entries(v as object).every(([k, x]) => !FORBIDDEN_KEYS.has(k) && isPlainData(x, depth + 1));
  }
  return false;
}

function extraFields(f: FunctionCode): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(f)) {
    if (KNOWN_FIELDS.has(k) || !isPlainData(v)) continue;
    (out ??= {})[k] = v;
  }
  return out;
}

/** The portable form of `program` (deterministic: same program, same data). */
export function encodeProgram(program: CompiledProgram): EncodedProgram {
  return {
    source: encodeString(program.source),
    functions: program.functions.map((f) => ({
      name: f.name,
      index: f.index,
      code: int32Bytes(f.code),
      constants: f.constants.map(encodeConstant),
      spans: int32Bytes(f.spans),
      pcSpans: int32Bytes(f.pcSpans),
      stmtStarts: int32Bytes(f.stmtStarts),
      localNames: [...f.localNames],
      length: f.length,
      nparams: f.nparams,
      nlocals: f.nlocals,
      hasRest: f.hasRest,
      fieldInitFlag: f.fieldInitFlag,
      flags: f.flags,
      start: f.start,
      end: f.end,
      line: f.line,
      column: f.column,
      ...(extraFields(f) ? { extra: extraFields(f) } : {}),
    })),
    freeNames: [...program.freeNames],
    templateSites: program.templateSites,
  };
}

function bad(message: string): SerializationError {
  return new SerializationError(`artifact bytecode is malformed: ${message}`);
}

const isInt = (v: unknown, min = 0): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
const isStr = (v: unknown): v is string => typeof v === 'string';
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function decodeConstant(c: unknown, where: string, templateSites: number): Constant {
  if (typeof c === 'string' || typeof c === 'number') return c;
  if (!isObj(c)) throw bad(`${where}: unknown constant`);
  if (c.t === 'utf16') return decodeString(c, where);
  if (c.t === 'neg0') return -0;
  if (c.t === 'bigint' && isStr(c.v) && /^-?\d+$/.test(c.v)) return BigInt(c.v);
  if (c.t === 'template' && Array.isArray(c.cooked) && Array.isArray(c.raw) && isInt(c.site)) {
    if (c.cooked.length !== c.raw.length) throw bad(`${where}: bad template constant`);
    if (c.site >= templateSites) throw bad(`${where}: template site ${c.site} out of range`);
    const t: TemplateConst = {
      kind: 'template',
      cooked: c.cooked.map((s) => (s === null ? undefined : decodeString(s, where))),
      raw: c.raw.map((s) => decodeString(s, where)),
      site: c.site,
    };
    return t;
  }
  throw bad(`${where}: unknown constant`);
}

/** Operand positions that are jump targets (absolute pcs), by opcode. */
const JUMP_OPERAND: Partial<Record<number, number>> = {
  [Op.Jump]: 0,
  [Op.JumpIfFalse]: 0,
  [Op.JumpIfTrue]: 0,
  [Op.JumpIfFalseKeep]: 0,
  [Op.JumpIfTrueKeep]: 0,
  [Op.JumpIfNotNullishKeep]: 0,
  [Op.JumpIfNullish]: 0,
  [Op.JumpIfUndefined]: 0,
  [Op.TryPush]: 0,
  [Op.IterNext]: 1,
  [Op.ForInNext]: 1,
};

/** Operand positions that index the constant pool, by opcode. */
const CONST_OPERANDS: Partial<Record<number, number[]>> = {
  [Op.Const]: [0],
  [Op.GetGlobal]: [0],
  [Op.SetGlobal]: [0],
  [Op.TypeofGlobal]: [0],
  [Op.GetProp]: [0],
  [Op.SetProp]: [0],
  [Op.GetMethod]: [0],
  [Op.DeleteProp]: [0],
  [Op.GetSuper]: [0],
  [Op.SetSuper]: [0],
  [Op.DefineField]: [0],
  [Op.GetLocalChecked]: [1],
  [Op.SetLocalChecked]: [1],
  [Op.GetEnvChecked]: [2],
  [Op.SetEnvChecked]: [2],
  [Op.ThrowError]: [1],
  [Op.TemplateObject]: [0],
  [Op.RegExp]: [0, 1],
  [Op.NewPrivateName]: [0],
  [Op.PrivateBrand]: [0],
};

/** Operands that are local registers, by opcode: [operand position, registers used from it]. */
const LOCAL_OPERANDS: Partial<Record<number, [number, number][]>> = {
  [Op.GetLocal]: [[0, 1]],
  [Op.SetLocal]: [[0, 1]],
  [Op.PutLocal]: [[0, 1]],
  [Op.GetLocalChecked]: [[0, 1]],
  [Op.SetLocalChecked]: [[0, 1]],
  // iterator state lives in registers: the iterator and its next method
  [Op.IterNext]: [[0, 2]],
  [Op.IterNextResult]: [[0, 2]],
  [Op.IterClose]: [[0, 1]],
  [Op.IterCloseQuiet]: [[0, 1]],
  [Op.ForInNext]: [[0, 1]],
};

/**
 * Opcodes the compiler never emits: ones the interpreter rejects, the host-wait of
 * synthetic code, and debugger breakpoints patched into running code (by name, so this
 * holds whether or not the opcode table has them).
 */
const NEVER_EMITTED = new Set<number>([Op.GetPropOpt, Op.IterValue, Op.IterDone, Op.HostWait, OP_NAMES.indexOf('Break')].filter((op) => op >= 0));

/** Checks one decoded function's code and tables against itself and the program. */
function verifyFunction(fc: FunctionCode, nfunctions: number): void {
  const where = `function #${fc.index}`;
  const code = fc.code;
  const n = code.length;
  if (n === 0) throw bad(`${where}: no code`);
  const starts = new Uint8Array(n + 1);
  for (let pc = 0; pc < n; ) {
    const op = code[pc];
    if (op < 0 || op >= OP_NAMES.length) throw bad(`${where}: unknown opcode ${op} at pc ${pc}`);
    if (NEVER_EMITTED.has(op)) throw bad(`${where}: opcode ${OP_NAMES[op]} at pc ${pc} is never emitted`);
    const k = OPERANDS[op] ?? 0;
    if (pc + k >= n) throw bad(`${where}: ${OP_NAMES[op]} at pc ${pc} runs past the end of the code`);
    starts[pc] = 1;
    for (const i of CONST_OPERANDS[op] ?? []) {
      const c = code[pc + 1 + i];
      if (c < 0 || c >= fc.constants.length) throw bad(`${where}: ${OP_NAMES[op]} at pc ${pc} names constant ${c} of ${fc.constants.length}`);
      const v = fc.constants[c];
      const wantTemplate = op === Op.TemplateObject;
      if (wantTemplate !== (typeof v === 'object')) throw bad(`${where}: ${OP_NAMES[op]} at pc ${pc} has a constant of the wrong kind`);
    }
    for (const [i, width] of LOCAL_OPERANDS[op] ?? []) {
      const r = code[pc + 1 + i];
      if (r < 0 || r + width > fc.nlocals) throw bad(`${where}: ${OP_NAMES[op]} at pc ${pc} names local ${r} of ${fc.nlocals}`);
    }
    if (op === Op.Closure || op === Op.Class) {
      const f = code[pc + 1];
      if (f <= 0 || f >= nfunctions) throw bad(`${where}: ${OP_NAMES[op]} at pc ${pc} names function ${f} of ${nfunctions}`);
    }
    pc += 1 + k;
  }
  for (let pc = 0; pc < n; ) {
    const op = code[pc];
    const j = JUMP_OPERAND[op];
    if (j !== undefined) {
      const t = code[pc + 1 + j];
      if (t < 0 || t >= n || !starts[t]) throw bad(`${where}: ${OP_NAMES[op]} at pc ${pc} jumps to ${t}, not an instruction`);
    }
    pc += 1 + (OPERANDS[op] ?? 0);
  }
  if (fc.spans.length % 6 !== 0) throw bad(`${where}: span table length ${fc.spans.length} is not a multiple of 6`);
  const nspans = fc.spans.length / 6;
  if (fc.pcSpans.length % 2 !== 0) throw bad(`${where}: pc → span table has odd length`);
  let last = -1;
  for (let i = 0; i < fc.pcSpans.length; i += 2) {
    const pc = fc.pcSpans[i];
    const si = fc.pcSpans[i + 1];
    if (pc < last || pc < 0 || pc > n) throw bad(`${where}: pc → span table is not sorted by pc`);
    if (si < -1 || si >= nspans) throw bad(`${where}: pc → span table names span ${si} of ${nspans}`);
    last = pc;
  }
  for (const pc of fc.stmtStarts) if (pc < 0 || pc > n || (pc < n && !starts[pc])) throw bad(`${where}: statement start ${pc} is not an instruction`);
}

function fieldCheck(f: Record<string, unknown>, where: string): void {
  for (const key of ['index', 'length', 'nparams', 'nlocals', 'flags', 'start', 'end', 'line', 'column'] as const) {
    if (!isInt(f[key])) throw bad(`${where}: ${key} must be a non-negative integer`);
  }
  if (!isStr(f.name)) throw bad(`${where}: name must be a string`);
  if (typeof f.hasRest !== 'boolean' || typeof f.fieldInitFlag !== 'boolean') throw bad(`${where}: hasRest/fieldInitFlag must be booleans`);
  if (!Array.isArray(f.constants)) throw bad(`${where}: constants must be a list`);
  if (!Array.isArray(f.localNames) || !f.localNames.every(isStr)) throw bad(`${where}: localNames must be strings`);
}

/**
 * Rebuilds a CompiledProgram from its portable form, verifying its structure. Throws
 * SerializationError when anything is missing, mistyped or inconsistent.
 */
export function decodeProgram(data: unknown): CompiledProgram {
  if (!isObj(data)) throw bad('no program');
  const { functions, freeNames, templateSites } = data;
  const source = decodeString(data.source, 'source');
  if (!Array.isArray(freeNames) || !freeNames.every(isStr)) throw bad('freeNames must be strings');
  if (!isInt(templateSites)) throw bad('templateSites must be a non-negative integer');
  if (!Array.isArray(functions) || functions.length === 0) throw bad('no functions');
  const unit = { functions: [] as FunctionCode[], source };
  for (let i = 0; i < functions.length; i++) {
    const f = functions[i];
    const where = `function #${i}`;
    if (!isObj(f)) throw bad(`${where}: not an object`);
    fieldCheck(f, where);
    if (f.index !== i) throw bad(`${where}: index ${String(f.index)} out of order`);
    const fc = new FunctionCode(f.name as string, i);
    fc.code = bytesInt32(f.code as Uint8Array, `${where} code`);
    fc.ic = icTable(fc.code.length);
    fc.spans = bytesInt32(f.spans as Uint8Array, `${where} spans`);
    fc.pcSpans = bytesInt32(f.pcSpans as Uint8Array, `${where} pcSpans`);
    fc.stmtStarts = bytesInt32(f.stmtStarts as Uint8Array, `${where} stmtStarts`);
    fc.constants = (f.constants as unknown[]).map((c, k) => decodeConstant(c, `${where} constant ${k}`, templateSites));
    fc.localNames = [...(f.localNames as string[])];
    fc.length = f.length as number;
    fc.nparams = f.nparams as number;
    fc.nlocals = f.nlocals as number;
    fc.hasRest = f.hasRest as boolean;
    fc.fieldInitFlag = f.fieldInitFlag as boolean;
    fc.flags = f.flags as number;
    fc.start = f.start as number;
    fc.end = f.end as number;
    fc.line = f.line as number;
    fc.column = f.column as number;
    if (fc.end > source.length || fc.start > fc.end) throw bad(`${where}: source range ${fc.start}-${fc.end} outside the source`);
    // A call fills every local up to nlocals on the host's stack: a count the compiler could not
    // have written (it is the number of local names) would make the host allocate that many slots
    // (fuzz seed 2808 case 69322: nparams 2^31 aborted the process with V8's invalid size error).
    if (fc.nlocals !== fc.localNames.length) throw bad(`${where}: ${fc.nlocals} locals but ${fc.localNames.length} local names`);
    if (fc.nparams + (fc.hasRest ? 1 : 0) > fc.nlocals) throw bad(`${where}: ${fc.nparams} parameters do not fit in ${fc.nlocals} locals`);
    if (f.extra !== undefined) {
      if (!isObj(f.extra)) throw bad(`${where}: extra fields must be an object`);
      for (const [k, v] of Object.entries(f.extra)) {
        if (KNOWN_FIELDS.has(k) || FORBIDDEN_KEYS.has(k) || !isPlainData(v)) throw bad(`${where}: extra field '${k}' is not allowed`);
        (fc as unknown as Record<string, unknown>)[k] = v;
      }
    }
    fc.unit = unit;
    unit.functions.push(fc);
  }
  for (const fc of unit.functions) verifyFunction(fc, unit.functions.length);
  return new CompiledProgram(source, unit.functions, [...freeNames], templateSites);
}

/** One function's entry in a {@link SourceMap}. */
export interface SourceMapFunction {
  /** Index in the program's function table (0 is the script). */
  index: number;
  name: string;
  /** Where the function's text starts (1-based). */
  line: number;
  column: number;
  /**
   * `[pc, line, column, endLine, endColumn]` rows sorted by pc: the instruction at `pc`
   * and those after it (up to the next row) come from that source range. Positions are
   * 1-based; a row of `[pc, 0, 0, 0, 0]` marks synthetic code with no source.
   */
  mappings: [number, number, number, number, number][];
}

/** pc → source position for every function of a program (format version 1). */
export interface SourceMap {
  version: 1;
  functions: SourceMapFunction[];
}

/** Builds the source map of a program from its span tables. */
export function sourceMapOf(program: CompiledProgram): SourceMap {
  return {
    version: 1,
    functions: program.functions.map((f) => {
      const mappings: [number, number, number, number, number][] = [];
      for (let i = 0; i < f.pcSpans.length; i += 2) {
        const si = f.pcSpans[i + 1];
        const o = si * 6;
        mappings.push(si < 0 ? [f.pcSpans[i], 0, 0, 0, 0] : [f.pcSpans[i], f.spans[o + 2], f.spans[o + 3], f.spans[o + 4], f.spans[o + 5]]);
      }
      return { index: f.index, name: f.name, line: f.line, column: f.column, mappings };
    }),
  };
}

/** Looks up `pc` of function `fn` in a source map: the mapping row in effect, or undefined. */
export function sourcePosition(map: SourceMap, fn: number, pc: number): { line: number; column: number; endLine: number; endColumn: number } | undefined {
  const rows = map.functions[fn]?.mappings;
  if (!rows) return undefined;
  let found: [number, number, number, number, number] | undefined;
  for (const row of rows) {
    if (row[0] > pc) break;
    found = row;
  }
  if (!found || found[1] === 0) return undefined;
  return { line: found[1], column: found[2], endLine: found[3], endColumn: found[4] };
}
