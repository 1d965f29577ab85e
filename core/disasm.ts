/** The disassembler: instructions with decoded operands and source spans, as data or as text. */
import { FnFlags, spanAt, type CompiledProgram, type FunctionCode } from './chunk';
import type { Span } from './diagnostics';
import { OPERANDS, OP_NAMES } from './opcodes';

/** One instruction of a listing. */
export interface InstructionListing {
  /** Offset of the opcode in the function's code. */
  pc: number;
  opcode: string;
  /** Raw operand values. */
  operands: number[];
  /** Operands as text, with the decoded constant or name in parentheses (e.g. `7  ("Promise")`). */
  operandText: string;
  /** The source span it was compiled from; absent for synthetic code (prologues). */
  span?: Span;
  /** A statement starts here (where line breakpoints and statement steps stop). */
  statement: boolean;
}

/** One function's listing. */
export interface FunctionListing {
  /** Index in the program's function table (what stack frames call `functionIndex`). */
  index: number;
  /** `<script>` for the top level, `<anonymous>` for unnamed functions. */
  name: string;
  kind: 'script' | 'function' | 'arrow' | 'method' | 'generator' | 'async' | 'async generator' | 'class constructor';
  /** Where the function's text starts and ends (1-based line and column). */
  line: number;
  column: number;
  endLine: number;
  params: number;
  hasRest: boolean;
  locals: number;
  instructions: InstructionListing[];
}

function kindOf(fn: FunctionCode): FunctionListing['kind'] {
  const f = fn.flags;
  if (f & FnFlags.Script) return 'script';
  if (f & FnFlags.ClassConstructor) return 'class constructor';
  if (f & FnFlags.Async) return f & FnFlags.Generator ? 'async generator' : 'async';
  if (f & FnFlags.Generator) return 'generator';
  if (f & FnFlags.Arrow) return 'arrow';
  if (f & FnFlags.Method) return 'method';
  return 'function';
}

/** The 1-based line of a source offset. */
function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Lists one function's instructions as data. `code` defaults to the function's code; a
 * debugger passes the code as compiled (its breakpoint patches removed).
 */
export function listFunction(fn: FunctionCode, code: Int32Array = fn.code): FunctionListing {
  const stmts = new Set(fn.stmtStarts);
  const instructions: InstructionListing[] = [];
  for (let pc = 0; pc < code.length; ) {
    const op = code[pc];
    const n = OPERANDS[op] ?? 0;
    const operands = Array.from(code.slice(pc + 1, pc + 1 + n));
    const c = describeOperand(fn, OP_NAMES[op], operands);
    const span = spanAt(fn, pc);
    instructions.push({
      pc,
      opcode: OP_NAMES[op] ?? `?${op}`,
      operands,
      operandText: c ? `${operands.join(' ')}  (${c})` : operands.join(' '),
      ...(span ? { span } : {}),
      statement: stmts.has(pc),
    });
    pc += 1 + n;
  }
  return {
    index: fn.index,
    name: fn.flags & FnFlags.Script ? '<script>' : fn.name || '<anonymous>',
    kind: kindOf(fn),
    line: fn.line,
    column: fn.column,
    endLine: fn.flags & FnFlags.Script ? lineOf(fn.unit.source, fn.unit.source.length) : lineOf(fn.unit.source, fn.end),
    params: fn.nparams,
    hasRest: fn.hasRest,
    locals: fn.nlocals,
    instructions,
  };
}

/** Lists every function of a program (the script first). */
export function listProgram(program: CompiledProgram): FunctionListing[] {
  return program.functions.map((fn) => listFunction(fn));
}

/** Disassembles one function: `pc  OPNAME operands    ; line:col-line:col  source`. */
export function disassembleFunction(fn: FunctionCode): string[] {
  const src = fn.unit.source;
  const lines = [`function ${fn.name || '<anonymous>'} #${fn.index} (params ${fn.nparams}${fn.hasRest ? '+rest' : ''}, locals ${fn.nlocals}):`];
  for (const ins of listFunction(fn).instructions) {
    let text = `${String(ins.pc).padStart(5)}  ${ins.opcode.padEnd(20)} ${ins.operandText}`;
    const span = ins.span;
    if (span) {
      const excerpt = src.slice(span.start, Math.min(span.end, span.start + 40)).replace(/\s+/g, ' ');
      text = `${text.padEnd(48)} ; ${span.line}:${span.column}-${span.endLine}:${span.endColumn}  ${excerpt}`;
    }
    lines.push(text);
  }
  return lines;
}

function describeOperand(fn: FunctionCode, name: string | undefined, operands: number[]): string {
  const k = (i: number) => {
    const c = fn.constants[i];
    return typeof c === 'string' ? JSON.stringify(c) : typeof c === 'bigint' ? `${c}n` : typeof c === 'object' ? 'template' : String(c);
  };
  switch (name) {
    case 'Const':
    case 'GetGlobal':
    case 'SetGlobal':
    case 'TypeofGlobal':
    case 'GetProp':
    case 'SetProp':
    case 'GetMethod':
    case 'DeleteProp':
    case 'DefineField':
    case 'GetSuper':
    case 'SetSuper':
      return k(operands[0]);
    case 'GetLocal':
    case 'SetLocal':
    case 'PutLocal':
      return fn.localNames[operands[0]] || '';
    case 'Closure':
      return fn.unit.functions[operands[0]]?.name || '<anonymous>';
    case 'RegExp':
      return `/${fn.constants[operands[0]] as string}/${fn.constants[operands[1]] as string}`;
  }
  return '';
}

/** Disassembles every function of a program. */
export function disassemble(program: CompiledProgram): string {
  return program.functions.map((f) => disassembleFunction(f).join('\n')).join('\n\n');
}
