/** The shape of a CLI command: a table entry the dispatcher in core/cli.ts reads. */
import { HostFileError, readBinaryFile, readTextFile } from '../host/files';
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

/** A program file: Capsule source, or an exported artifact (by its magic bytes or a .capsule name). */
export type ProgramFile = { kind: 'source'; source: string } | { kind: 'artifact'; bytes: Uint8Array };

const MAGIC = [0x89, 0x43, 0x41, 0x50, 0x53, 0x41, 0x52, 0x54];

/** Reads FILE for `run`: an artifact when it starts with the artifact magic or ends in .capsule. */
export function readProgramFile(path: string, where: string): ProgramFile {
  let bytes: Uint8Array;
  try {
    bytes = readBinaryFile(path);
  } catch (err) {
    if (err instanceof HostFileError) throw new UsageError(`${where}: ${err.message}`);
    throw err;
  }
  if (path.endsWith('.capsule') || MAGIC.every((b, i) => bytes[i] === b)) return { kind: 'artifact', bytes };
  return { kind: 'source', source: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

/** Reads a file named by an option (`--key`, `--public-key`): a usage error when unreadable. */
export function readOptionFile(path: string, flag: string, where: string): string {
  try {
    return readTextFile(path);
  } catch (err) {
    if (err instanceof HostFileError) throw new UsageError(`${where}: ${flag}: ${err.message}`);
    throw err;
  }
}
