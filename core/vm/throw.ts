/**
 * How guest exceptions travel through host code: natives and the interpreter throw a
 * {@link GuestThrow} holding the guest value; the interpreter catches it and unwinds
 * guest frames to the nearest handler. It never reaches the embedding host.
 */
import type { Value } from '../value';

export class GuestThrow {
  constructor(readonly value: Value) {}
}

/**
 * The refusal thrown when host code meets a getter (or other function) defined in script that
 * it cannot call synchronously. A built-in with a self-hosted generic version catches it and
 * starts over in the prelude; elsewhere it is an ordinary guest TypeError.
 */
export class GuestCodeNeeded extends GuestThrow {}

/** Error constructors a native can ask for by name. */
export type ErrorType = 'Error' | 'TypeError' | 'RangeError' | 'SyntaxError' | 'ReferenceError' | 'EvalError' | 'URIError';

/** A guest error raised by host code that has no VM at hand (ops); the interpreter materializes it. */
export class GuestError {
  constructor(
    readonly type: ErrorType,
    readonly message: string,
  ) {}
}
