/** Source → validated, compiled program (the front half of the pipeline). */
import type { CompiledProgram } from './chunk';
import { compileProgram } from './compiler/compiler';
import type { Diagnostic } from './diagnostics';
import { ValidationError } from './errors';
import { parseProgram } from './parse';
import { validate as validateAst } from './validator';

export interface CompileOptions {
  /** Extra global names the host provides (inputs, capabilities). */
  globals?: Iterable<string>;
  /** The names among `globals` that are capabilities (see capabilities.ts). */
  capabilities?: Iterable<string>;
}

/** Parses and validates; returns the diagnostics (a ParseError is thrown for syntax errors). */
export function validateSource(source: string, options: CompileOptions = {}): Diagnostic[] {
  const program = parseProgram(source);
  return validateAst(program, source, { globals: options.globals });
}

/** Parses, validates and compiles. Throws ParseError or ValidationError. */
export function compile(source: string, options: CompileOptions = {}): CompiledProgram {
  const ast = parseProgram(source);
  const diagnostics = validateAst(ast, source, { globals: options.globals }).filter((d) => d.severity === 'error');
  if (diagnostics.length) throw new ValidationError(diagnostics);
  return compileProgram(ast, source, { capabilities: options.capabilities });
}
