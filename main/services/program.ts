/**
 * Program checks for the editor: parse + validate a source text as `capsule validate` does,
 * returning diagnostics the renderer draws as squiggles and lists in the Problems panel.
 * Nothing is compiled or run here.
 */
import { ParseError } from '../../core/errors';
import { validateSource } from '../../core/program';
import type { ProgramDiagnostic, ProgramValidateParams } from '../../preload/api';
import { RequestError } from './errors';

/** Largest source the editor may ask about (the sidecar's own limit is the same order). */
export const MAX_SOURCE_CHARS = 2_000_000;

function checkParams(params: unknown): ProgramValidateParams {
  if (typeof params !== 'object' || params === null) throw new RequestError('program.validate needs { source }');
  const { source, globals } = params as Record<string, unknown>;
  if (typeof source !== 'string') throw new RequestError('program.validate: source must be a string');
  if (source.length > MAX_SOURCE_CHARS) throw new RequestError(`The script is too large to check (over ${MAX_SOURCE_CHARS} characters)`);
  if (globals !== undefined && !(Array.isArray(globals) && globals.every((g) => typeof g === 'string'))) {
    throw new RequestError('program.validate: globals must be a list of names');
  }
  return { source, ...(globals ? { globals: globals as string[] } : {}) };
}

/** Diagnostics of a source: a parse error, or the validator's findings (errors and warnings). */
export function validateProgram(params: unknown): { diagnostics: ProgramDiagnostic[] } {
  const { source, globals } = checkParams(params);
  try {
    const found = validateSource(source, { globals });
    return { diagnostics: found.map((d) => ({ code: d.code, message: d.message, severity: d.severity, ...spanOf(d.span) })) };
  } catch (error) {
    if (error instanceof ParseError) {
      const d = error.diagnostic;
      return { diagnostics: [{ code: d.code, message: d.message, severity: 'error', ...spanOf(d.span) }] };
    }
    throw error;
  }
}

function spanOf(span: { start: number; end: number; line: number; column: number; endLine: number; endColumn: number }) {
  return { from: span.start, to: span.end, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
}
