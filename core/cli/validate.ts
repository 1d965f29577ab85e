/** `capsule validate FILE…`: report parse errors and subset violations, one line each. */
import { formatDiagnostic, ParseError, validateSource, type Diagnostic } from '../index';
import { readSource, type Command } from './command';
import { EXIT } from './io';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check scripts against the supported subset',
  operands: 'FILE…',
  minOperands: 1,
  maxOperands: Infinity,
  options: {},
  details: [
    'Prints file:line:col: error CODE: message for each finding (parse errors included) on',
    'stdout. Exits 0 when no file has an error, 4 otherwise.',
  ],
  run({ io, args, where }) {
    // read everything first: an unreadable file is a usage error before any output
    const files = args.positionals.map((file) => ({ file, source: readSource(file, where) }));
    let errors = 0;
    for (const { file, source } of files) {
      for (const d of diagnosticsOf(source)) {
        if (d.severity === 'error') errors++;
        io.stdout(`${formatDiagnostic(file, d)}\n`);
      }
    }
    return errors ? EXIT.invalid : EXIT.ok;
  },
};

function diagnosticsOf(source: string): Diagnostic[] {
  try {
    return validateSource(source);
  } catch (err) {
    if (err instanceof ParseError) return [err.diagnostic];
    throw err;
  }
}
