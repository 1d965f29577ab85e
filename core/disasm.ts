/** The disassembler: one line per instruction with its operands and source span. */
import { spanAt, type CompiledProgram, type FunctionCode } from './chunk';
import { OPERANDS, OP_NAMES } from './opcodes';

/** Disassembles one function: `pc  OPNAME operands    ; line:col-line:col  source`. */
export function disassembleFunction(fn: FunctionCode): string[] {
  const lines: string[] = [];
  const code = fn.code;
  const src = fn.unit.source;
  lines.push(`function ${fn.name || '<anonymous>'} #${fn.index} (params ${fn.nparams}${fn.hasRest ? '+rest' : ''}, locals ${fn.nlocals}):`);
  for (let pc = 0; pc < code.length; ) {
    const op = code[pc];
    const n = OPERANDS[op] ?? 0;
    const operands = Array.from(code.slice(pc + 1, pc + 1 + n));
    const name = OP_NAMES[op] ?? `?${op}`;
    let text = `${String(pc).padStart(5)}  ${name.padEnd(20)} ${operands.join(' ')}`;
    const c = describeOperand(fn, op, operands);
    if (c) text += `  (${c})`;
    const span = spanAt(fn, pc);
    if (span) {
      const excerpt = src.slice(span.start, Math.min(span.end, span.start + 40)).replace(/\s+/g, ' ');
      text = `${text.padEnd(48)} ; ${span.line}:${span.column}-${span.endLine}:${span.endColumn}  ${excerpt}`;
    }
    lines.push(text);
    pc += 1 + n;
  }
  return lines;
}

function describeOperand(fn: FunctionCode, op: number, operands: number[]): string {
  const name = OP_NAMES[op];
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
