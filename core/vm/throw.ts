/**
 * How guest exceptions travel through host code: natives and the interpreter throw a
 * {@link GuestThrow} holding the guest value; the interpreter catches it and unwinds
 * guest frames to the nearest handler. It never reaches the embedding host.
 */
import type { Value } from '../value';

export class GuestThrow {
  constructor(readonly value: Value) {}
}

/** Error constructors a native can ask for by name. */
export type ErrorType = 'Error' | 'TypeError' | 'RangeError' | 'SyntaxError' | 'ReferenceError' | 'EvalError' | 'URIError';

/** A guest error raised by host code that has no VM at hand (ops); the interpreter materializes it. */
export class GuestError {
  constructor(
    readonly type: ErrorType,
    readonly message: string,
  ) {}
}
