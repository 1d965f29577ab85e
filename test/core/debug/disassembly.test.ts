/**
 * Structured disassembly (core/disasm.ts listFunction, Debugger.disassembly): what the
 * Bytecode panel shows — instructions with decoded operands, source spans and statement
 * starts, the code as compiled even while breakpoints are patched in.
 */
import { describe, expect, it } from 'vitest';
import { Debugger } from '../../../core/debug/debugger';
import { listFunction, listProgram, disassembleFunction } from '../../../core/disasm';
import { compile, start } from '../../../core/index';
import { OPERANDS, OP_NAMES } from '../../../core/opcodes';

const SRC = `function add(a, b) {
  const s = a + b;
  return s;
}
const double = (x) => x * 2;
let total = 0;
for (let i = 0; i < 3; i++) {
  total = add(total, double(i));
}
total`;

describe('listFunction', () => {
  it('walks every instruction with its operands, span and statement flag', () => {
    const program = compile(SRC);
    const listings = listProgram(program);
    expect(listings.map((f) => [f.index, f.name, f.kind, f.line, f.endLine])).toEqual([
      [0, '<script>', 'script', 1, 10],
      [1, 'add', 'function', 1, 4],
      [2, 'double', 'arrow', 5, 5],
    ]);
    for (const [i, f] of listings.entries()) {
      const fn = program.functions[i];
      // consecutive instructions: each pc is the previous pc + 1 + its operand count
      let pc = 0;
      for (const ins of f.instructions) {
        expect(ins.pc).toBe(pc);
        expect(OP_NAMES[fn.code[pc]]).toBe(ins.opcode);
        expect(ins.operands).toHaveLength(OPERANDS[fn.code[pc]] ?? 0);
        expect(ins.statement).toBe(fn.stmtStarts.includes(pc));
        pc += 1 + ins.operands.length;
      }
      expect(pc).toBe(fn.code.length);
    }
    const add = listings[1];
    // the `return s` statement starts at its first instruction, loading s (its span is that operand's)
    const ret = add.instructions.find((x) => x.statement && x.span?.line === 3)!;
    expect(ret).toMatchObject({ opcode: 'GetLocal', operandText: expect.stringMatching(/\(s\)$/) });
    expect(SRC.slice(ret.span!.start, ret.span!.end)).toBe('s');
    const getS = add.instructions.find((x) => x.opcode === 'GetLocal' && x.operandText.endsWith('(s)'));
    expect(getS?.span).toMatchObject({ line: 3 });
    // constants are decoded
    const script = listings[0];
    expect(script.instructions.some((x) => x.opcode === 'Closure' && x.operandText.endsWith('(add)'))).toBe(true);
    expect(script.instructions.filter((x) => x.statement).map((x) => x.span!.line)).toEqual(expect.arrayContaining([6, 7, 8, 10]));
  });

  it('is what the text disassembler prints', () => {
    const program = compile(SRC);
    for (const fn of program.functions) {
      const text = disassembleFunction(fn).slice(1);
      const listing = listFunction(fn).instructions;
      expect(text).toHaveLength(listing.length);
      listing.forEach((ins, k) => {
        expect(text[k]).toMatch(new RegExp(`^\\s*${ins.pc}  ${ins.opcode}\\b`));
        if (ins.span) expect(text[k]).toContain(`; ${ins.span.line}:${ins.span.column}-${ins.span.endLine}:${ins.span.endColumn}`);
        else expect(text[k]).not.toContain(';');
      });
    }
  });
});

describe('Debugger.disassembly', () => {
  it('lists the code as compiled, with user breakpoints marked, one function or all', () => {
    const d = new Debugger(start(SRC, { startPaused: true, seed: 1 }));
    const plain = d.disassembly();
    expect(plain.map((f) => f.name)).toEqual(['<script>', 'add', 'double']);
    const bp = d.setBreakpoint({ line: 2 });
    expect(bp.verified).toBe(true);
    const [add] = d.disassembly(1);
    // the Break patched over the statement is not shown: the opcode as compiled is
    expect(add.instructions.map((x) => x.opcode)).toEqual(plain[1].instructions.map((x) => x.opcode));
    expect(add.instructions.some((x) => x.opcode === 'Break')).toBe(false);
    expect(add.breakpoints).toHaveLength(1);
    const marked = add.instructions.find((x) => x.pc === add.breakpoints[0])!;
    expect(marked).toMatchObject({ statement: true, span: { line: 2 } });
    expect(d.disassembly(0)[0].breakpoints).toEqual([]);
    // the paused frame's pc is the start of a listed instruction of its function
    const o = d.continue();
    expect(o).toMatchObject({ status: 'paused', line: 2 });
    const top = d.callStack()[0];
    const listed = d.disassembly(top.functionIndex)[0];
    expect(listed.name).toBe('add');
    expect(listed.instructions.find((x) => x.pc === top.pc)?.span?.line).toBe(2);
    expect(() => d.disassembly(99)).toThrow(/no function #99/);
  });
});
