/** Errors raised by the regex engine. */

/** A pattern or flags string the engine (like V8) rejects. The message matches V8's. */
export class RegexSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegexSyntaxError';
  }
}

/** The step budget given to {@link execRegex} ran out before the match finished. */
export class RegexBudgetError extends Error {
  constructor(message = 'regular expression step budget exhausted') {
    super(message);
    this.name = 'RegexBudgetError';
  }
}
