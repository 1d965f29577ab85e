/**
 * Validation: decides whether a parsed program stays inside Capsule's JavaScript subset.
 *
 * The validator is a static gate in front of the compiler. It rejects code-generation
 * (`eval`, `Function`), module syntax, meta-programming (`Proxy`, `Reflect`), weak and
 * binary/shared-memory types, host globals, writes to built-ins, and a few constructs the
 * engine does not implement (`arguments`, `new.target`, `using`); and it resolves every free
 * identifier so that unknown globals are compile-time errors. docs/LANGUAGE.md is the
 * user-facing description; core/validator/codes.ts lists the codes.
 */
import type { Diagnostic } from './diagnostics';
import { parseProgram, spanOf, type ESTree } from './parse';
import { Code } from './validator/codes';
import { Walker } from './validator/walker';

export { Code, type DiagnosticCode } from './validator/codes';

/** Options for {@link validate} and {@link checkSource}. */
export interface ValidateOptions {
  /**
   * Extra free names the program may reference: the host's inputs and capabilities.
   * They may shadow "host" names (a host can provide its own `fetch`), but never make
   * language-level refusals (`eval`, `Proxy`, typed arrays, ...) acceptable.
   */
  globals?: Iterable<string>;
}

/**
 * Checks a program parsed by `parseProgram` against the supported subset.
 * @param source the text the program was parsed from (used for spans and messages).
 * @returns every finding, sorted by position; an empty array means the program is valid.
 */
export function validate(program: ESTree.Program, source: string, options: ValidateOptions = {}): Diagnostic[] {
  try {
    return new Walker(source, new Set(options.globals ?? [])).run(program);
  } catch (error) {
    // The walker bounds its own depth; this only guards a host stack smaller than expected.
    if (!(error instanceof RangeError)) throw error;
    const message = 'The program nests too deeply to be checked. Split it into smaller functions or expressions.';
    return [{ code: Code.TooDeep, message, severity: 'error', span: spanOf(program, source) }];
  }
}

/**
 * Parses and validates a source text.
 * @throws ParseError (code `CAP0001`) if the source is not valid strict-mode JavaScript.
 */
export function checkSource(source: string, options: ValidateOptions = {}): { program: ESTree.Program; diagnostics: Diagnostic[] } {
  const program = parseProgram(source);
  return { program, diagnostics: validate(program, source, options) };
}
