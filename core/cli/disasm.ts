/** `capsule disasm FILE`: the compiled bytecode, one instruction per line with its source span. */
import { compile, disassemble } from '../index';
import { readSource, type Command } from './command';
import { EXIT } from './io';
import { outcomeOf } from './report';

export const disasmCommand: Command = {
  name: 'disasm',
  summary: 'print the bytecode listing with source spans',
  operands: 'FILE',
  minOperands: 1,
  maxOperands: 1,
  options: {},
  details: ['Each line: pc, opcode, operands (decoded), then ; line:col-line:col and the source excerpt.'],
  run({ io, args, where }) {
    const file = args.positionals[0];
    const source = readSource(file, where);
    let listing: string;
    try {
      listing = disassemble(compile(source));
    } catch (err) {
      const outcome = outcomeOf(err, file, io);
      io.stderr(`${outcome.lines.join('\n')}\n`);
      return outcome.exitCode;
    }
    io.stdout(`${listing}\n`);
    return EXIT.ok;
  },
};
