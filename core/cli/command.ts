/** The shape of a CLI command: a table entry the dispatcher in core/cli.ts reads. */
import { HostFileError, readTextFile } from '../host/files';
import { UsageError, type OptionSpecs, type ParsedArgs } from './args';
import type { CliIO, ExitCode } from './io';

export interface CommandContext {
  io: CliIO;
  args: ParsedArgs;
  /** `capsule <name>`, for messages. */
  where: string;
}

export interface Command {
  name: string;
  /** One line for `capsule --help`. */
  summary: string;
  /** Positional arguments as shown in usage, e.g. `FILE…`. */
  operands: string;
  /** How many positionals are allowed. */
  minOperands: number;
  maxOperands: number;
  /** Options besides --help (compose the shared groups from ./options). */
  options: OptionSpecs;
  /** Extra help paragraphs (examples, notes). */
  details?: string[];
  run(ctx: CommandContext): ExitCode | Promise<ExitCode>;
}

/** Checks the positional count; the message names what is missing or extra. */
export function checkOperands(cmd: Command, args: ParsedArgs, where: string): void {
  const n = args.positionals.length;
  if (n < cmd.minOperands) throw new UsageError(`${where}: missing ${cmd.operands} (usage: ${where} ${cmd.operands}${Object.keys(cmd.options).length ? ' [options]' : ''})`);
  if (n > cmd.maxOperands) throw new UsageError(`${where}: unexpected argument '${args.positionals[cmd.maxOperands]}'`);
}

/** Reads a file the user named; an unreadable file is a usage error (exit 2). */
export function readSource(path: string, where: string): string {
  try {
    return readTextFile(path);
  } catch (err) {
    if (err instanceof HostFileError) throw new UsageError(`${where}: ${err.message}`);
    throw err;
  }
}
