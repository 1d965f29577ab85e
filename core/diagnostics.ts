/**
 * Source positions and diagnostics shared by the parser front end, the validator,
 * the compiler (instruction spans) and every tool that reports on a program.
 */

/** A source range. `line` and `column` are 1-based; `start`/`end` are UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warning';

/** One finding about a program: a stable code (e.g. `CAP1001`), a message and where. */
export interface Diagnostic {
  code: string;
  message: string;
  severity: Severity;
  span: Span;
}

/** Formats a diagnostic the way the CLI prints it: `file:line:col: error CODE: message`. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.span.line}:${d.span.column}: ${d.severity} ${d.code}: ${d.message}`;
}
