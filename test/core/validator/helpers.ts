/** Test helpers: diagnostics as compact, exact records (code, message, [line, col, endLine, endCol]). */
import type { Diagnostic } from '../../../core/diagnostics';
import { ParseError } from '../../../core/errors';
import { parseProgram, type ESTree } from '../../../core/parse';
import { checkSource, validate, type ValidateOptions } from '../../../core/validator';

export interface Finding {
  code: string;
  message: string;
  at: [line: number, column: number, endLine: number, endColumn: number];
}

export function finding(d: Diagnostic): Finding {
  return { code: d.code, message: d.message, at: [d.span.line, d.span.column, d.span.endLine, d.span.endColumn] };
}

/** Parses and validates `source`; returns the findings (throws on parse errors). */
export function diagnose(source: string, options: ValidateOptions = {}): Finding[] {
  return checkSource(source, options).diagnostics.map(finding);
}

/** Validates an AST produced some other way (e.g. a sloppy-mode meriyah parse). */
export function diagnoseAst(program: ESTree.Program, source: string, options: ValidateOptions = {}): Finding[] {
  return validate(program, source, options).map(finding);
}

/** The ParseError `parseProgram(source)` throws, as a finding. */
export function parseFailure(source: string): Finding {
  try {
    parseProgram(source);
  } catch (error) {
    if (error instanceof ParseError) return finding(error.diagnostic);
    throw error;
  }
  throw new Error(`expected a parse error for ${JSON.stringify(source)}`);
}

/** Compact view for scope tests: `CODE text-at-span` for each finding. */
export function flagged(source: string, options: ValidateOptions = {}): string[] {
  return checkSource(source, options).diagnostics.map((d) => `${d.code} ${source.slice(d.span.start, d.span.end)}`);
}
