/**
 * The typed errors core raises to its host. Guest exceptions never escape as host
 * exceptions: an uncaught guest throw becomes a {@link RuntimeError} carrying only guest
 * data (name, message, guest stack of function names and line:col).
 */
import type { Diagnostic } from './diagnostics';

export type ErrorKind = 'Parse' | 'Validation' | 'Runtime' | 'Limit' | 'Serialization' | 'Capability';

/** Base class of every error core raises on purpose. */
export abstract class CapsuleError extends Error {
  abstract readonly kind: ErrorKind;
}

/** The source is not syntactically valid JavaScript. */
export class ParseError extends CapsuleError {
  readonly kind = 'Parse' as const;
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'ParseError';
  }
}

/** The source parses but uses features outside the supported subset. */
export class ValidationError extends CapsuleError {
  readonly kind = 'Validation' as const;
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.code}: ${d.message}`).join('\n'));
    this.name = 'ValidationError';
  }
}

/** An uncaught guest exception. Everything in it is guest data. */
export class RuntimeError extends CapsuleError {
  readonly kind = 'Runtime' as const;
  constructor(
    readonly guestName: string,
    readonly guestMessage: string,
    readonly guestStack: string,
    /** The thrown guest value, copied out as a structured value when possible. */
    readonly thrown?: unknown,
    /** Whether an Error object was thrown (not some other value, e.g. `throw { name: 'X' }`). */
    readonly isError = true,
  ) {
    super(guestName ? `${guestName}: ${guestMessage}` : guestMessage);
    this.name = 'RuntimeError';
  }
}

export type LimitName =
  | 'instructions'
  | 'heapBytes'
  | 'allocations'
  | 'callDepth'
  | 'outstandingHostCalls'
  | 'timeMs'
  | 'cancelled';

/** A budget was exhausted (or the run was cancelled). */
export class LimitError extends CapsuleError {
  readonly kind = 'Limit' as const;
  /** Where the program was when it crossed the limit (the statement the IDE highlights), when known. */
  location?: { line: number; column: number; endLine: number; endColumn: number };
  constructor(
    readonly limit: LimitName,
    readonly value: number,
    readonly reached: number,
    message?: string,
  ) {
    super(message ?? `limit exceeded: ${limit} (limit ${value}, reached ${reached}); raise it with limits.${limit}`);
    this.name = 'LimitError';
  }
}

/** Snapshot or artifact bytes could not be trusted or decoded. */
export class SerializationError extends CapsuleError {
  readonly kind = 'Serialization' as const;
  constructor(message: string) {
    super(message);
    this.name = 'SerializationError';
  }
}

/** A capability was misdeclared, or called or answered in a way its contract forbids. */
export class CapabilityError extends CapsuleError {
  readonly kind = 'Capability' as const;
  constructor(message: string) {
    super(message);
    this.name = 'CapabilityError';
  }
}

/**
 * Thrown by a capability handler to fail the call with a message the guest may see
 * (the guest gets an Error with this name and message). Any other throw reaches the
 * guest only as "capability NAME failed"; its details go to the host's diagnostics.
 */
export class CapabilityFailure extends CapabilityError {
  constructor(
    message: string,
    readonly failureName = 'Error',
  ) {
    super(message);
    this.name = 'CapabilityFailure';
  }
}
