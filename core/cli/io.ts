/** What a CLI command may touch of the host process, and the exit codes. */

export interface CliIO {
  /** Writes to standard output; `text` carries its own newline. */
  stdout(text: string): void;
  /** Writes to standard error; `text` carries its own newline. */
  stderr(text: string): void;
  /** Colored pretty-printing of results (stdout is a terminal, NO_COLOR unset). */
  colors: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/** The CLI's exit codes (documented in docs/CLI.md). */
export const EXIT = {
  ok: 0,
  /** An uncaught guest exception. */
  guestError: 1,
  /**
   * Bad command line: unknown command or flag, missing file, bad JSON, a bad mocks file or
   * --host module, or capabilities that do not fit the program (kind Capability).
   */
  usage: 2,
  /** A budget was exhausted. */
  limit: 3,
  /** The program does not parse or is outside the supported subset. */
  invalid: 4,
  /** An artifact or snapshot could not be trusted or decoded (bad signature, version, key, bytes). */
  serialization: 5,
  /** A bug in Capsule (EX_SOFTWARE). */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
