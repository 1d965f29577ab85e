/**
 * How the CLI presents outcomes: errors as human lines or as the `--json` error object,
 * results as util.inspect text or JSON. Only guest data and core's own messages are
 * printed; a host exception's text and stack appear only with CAPSULE_DEBUG=1.
 */
import { inspect } from 'node:util';
import { CapabilityError, formatDiagnostic, LimitError, ParseError, RuntimeError, SerializationError, ValidationError, type Diagnostic } from '../index';
import { EXIT, type CliIO, type ExitCode } from './io';

export type ErrorKind = 'Parse' | 'Validation' | 'Runtime' | 'Limit' | 'Serialization' | 'Capability' | 'Internal';

/** The `error` member of a `--json` failure line. */
export interface ErrorReport {
  kind: ErrorKind;
  name: string;
  message: string;
  stack: string;
}

export interface Outcome {
  exitCode: ExitCode;
  report: ErrorReport;
  /** What a human sees on stderr, one entry per line. */
  lines: string[];
}

/** Classifies anything a core call threw. `file` is the user's file argument. */
export function outcomeOf(err: unknown, file: string, io: CliIO): Outcome {
  if (err instanceof ParseError) return invalid('Parse', err.name, [err.diagnostic], file);
  if (err instanceof ValidationError) return invalid('Validation', err.name, err.diagnostics, file);
  if (err instanceof RuntimeError) {
    const head = uncaughtLine(err);
    const stack = err.guestStack;
    return {
      exitCode: EXIT.guestError,
      report: { kind: 'Runtime', name: err.guestName, message: err.guestMessage, stack },
      lines: [head, ...(stack ? stack.split('\n') : [])],
    };
  }
  if (err instanceof LimitError) {
    return {
      exitCode: EXIT.limit,
      report: { kind: 'Limit', name: err.name, message: err.message, stack: '' },
      lines: [`${err.name}: ${err.message}`],
    };
  }
  if (err instanceof SerializationError) {
    return {
      exitCode: EXIT.serialization,
      report: { kind: 'Serialization', name: err.name, message: err.message, stack: '' },
      lines: [`${err.name}: ${err.message}`],
    };
  }
  if (err instanceof CapabilityError) {
    // the host side (mocks file, --host module, declarations) does not fit the program
    return {
      exitCode: EXIT.usage,
      report: { kind: 'Capability', name: 'CapabilityError', message: err.message, stack: '' },
      lines: [`CapabilityError: ${err.message}`],
    };
  }
  return internalOutcome(err, io);
}

function invalid(kind: 'Parse' | 'Validation', name: string, diagnostics: readonly Diagnostic[], file: string): Outcome {
  const lines = diagnostics.map((d) => formatDiagnostic(file, d));
  return { exitCode: EXIT.invalid, report: { kind, name, message: lines.join('\n'), stack: '' }, lines };
}

/** `Uncaught TypeError: message`, like Node's REPL. */
function uncaughtLine(err: RuntimeError): string {
  if (err.guestName) return err.guestMessage ? `Uncaught ${err.guestName}: ${err.guestMessage}` : `Uncaught ${err.guestName}`;
  // a thrown non-error: core already words it `Uncaught <value>`
  return err.guestMessage.startsWith('Uncaught ') ? err.guestMessage : `Uncaught ${err.guestMessage}`;
}

/** A bug in Capsule: no host details unless CAPSULE_DEBUG=1. */
export function internalOutcome(err: unknown, io: CliIO): Outcome {
  const debug = io.env.CAPSULE_DEBUG === '1';
  const lines = [debug ? 'capsule: internal error' : 'capsule: internal error (set CAPSULE_DEBUG=1 for details)'];
  if (debug) lines.push(err instanceof Error && err.stack ? err.stack : String(err));
  return {
    exitCode: EXIT.internal,
    report: { kind: 'Internal', name: 'InternalError', message: 'internal error', stack: '' },
    lines,
  };
}

/** JSON text of a result copied out of the guest: bigints as decimal strings, undefined as null. */
export function jsonOf(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';
}

export function okLine(value: unknown, instructions: number): string {
  return `{"ok":true,"value":${jsonOf(value)},"instructions":${instructions}}`;
}

export function errorLine(report: ErrorReport): string {
  return JSON.stringify({ ok: false, error: report });
}

/** The human form of a result: Node's util.inspect of the host copy. */
export function pretty(value: unknown, io: CliIO): string {
  return inspect(value, { depth: null, colors: io.colors });
}
