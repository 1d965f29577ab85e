/**
 * The `capsule` command line: a thin shell over core. It parses arguments, reads the
 * files the user names (core/host/files.ts) and calls the public core API; it adds no
 * language behaviour. Commands are table entries (core/cli/command.ts) so new ones slot
 * in beside run, test, validate, disasm, export, inspect and keygen. Bundled to out/core/cli.mjs by
 * build/build-core.mjs and started by bin/capsule.mjs.
 */
import { CORE_VERSION } from './index';
import { parseArgs, UsageError, type OptionSpecs } from './cli/args';
import { checkOperands, type Command } from './cli/command';
import { disasmCommand } from './cli/disasm';
import { exportCommand } from './cli/export';
import { inspectCommand } from './cli/inspect';
import { EXIT, type CliIO, type ExitCode } from './cli/io';
import { keygenCommand } from './cli/keygen';
import { internalOutcome } from './cli/report';
import { runCommand } from './cli/run';
import { testCommand } from './cli/test';
import { validateCommand } from './cli/validate';

export { EXIT, type CliIO, type ExitCode } from './cli/io';

/** Every command, in help order. */
export const COMMANDS: readonly Command[] = [runCommand, testCommand, validateCommand, disasmCommand, exportCommand, inspectCommand, keygenCommand];

const HELP_OPTION: OptionSpecs = { help: { type: 'boolean', short: 'h', description: 'show this help' } };

const TOP_OPTIONS: OptionSpecs = {
  ...HELP_OPTION,
  version: { type: 'boolean', description: 'print the version' },
};

const EXIT_CODES = '0 ok, 1 uncaught guest error, 2 usage (incl. mocks/host/capability mismatches), 3 limit exceeded, 4 parse/validation error, 5 artifact/serialization error, 70 internal error';

/** Runs the CLI on `argv` (the words after `capsule`) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`${internalOutcome(err, io).lines.join('\n')}\n`);
    return EXIT.internal;
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const first = argv[0];
  if (first === undefined) {
    io.stderr(topHelp());
    return EXIT.usage;
  }
  if (first.startsWith('-')) {
    const { values } = parseArgs(argv, TOP_OPTIONS, 'capsule');
    if (values.help) {
      io.stdout(topHelp());
      return EXIT.ok;
    }
    if (values.version) {
      io.stdout(`capsule ${CORE_VERSION}\n`);
      return EXIT.ok;
    }
    throw new UsageError('capsule: expected a command before other arguments (see capsule --help)');
  }
  if (first === 'help') {
    const topic = argv[1];
    if (topic === undefined) {
      io.stdout(topHelp());
      return EXIT.ok;
    }
    io.stdout(commandHelp(findCommand(topic)));
    return EXIT.ok;
  }
  const cmd = findCommand(first);
  const where = `capsule ${cmd.name}`;
  const args = parseArgs(argv.slice(1), { ...cmd.options, ...HELP_OPTION }, where);
  if (args.values.help) {
    io.stdout(commandHelp(cmd));
    return EXIT.ok;
  }
  checkOperands(cmd, args, where);
  return await cmd.run({ io, args, where });
}

function findCommand(name: string): Command {
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) throw new UsageError(`capsule: unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see capsule --help)`);
  return cmd;
}

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => `${c.name} ${c.operands}`.length)) + 2;
  return [
    `capsule ${CORE_VERSION}: run sandboxed JavaScript-subset scripts`,
    '',
    'Usage: capsule <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${`${c.name} ${c.operands}`.padEnd(width)}${c.summary}`),
    '',
    'Options:',
    ...optionLines(TOP_OPTIONS),
    '',
    'Run capsule <command> --help for the options of a command.',
    `Exit codes: ${EXIT_CODES}.`,
    '',
  ].join('\n');
}

function commandHelp(cmd: Command): string {
  const options = { ...cmd.options, ...HELP_OPTION };
  return [
    `Usage: capsule ${cmd.name} ${cmd.operands}${Object.keys(cmd.options).length ? ' [options]' : ''}`,
    '',
    `${cmd.summary[0].toUpperCase()}${cmd.summary.slice(1)}.`,
    '',
    'Options:',
    ...optionLines(options),
    ...(cmd.details ? ['', ...cmd.details] : []),
    '',
    `Exit codes: ${EXIT_CODES}.`,
    '',
  ].join('\n');
}

function optionLines(specs: OptionSpecs): string[] {
  const heads = Object.entries(specs).map(([name, s]) => {
    const long = `--${name}${s.type === 'string' ? ` ${s.valueName ?? 'VALUE'}` : ''}`;
    return [s.short ? `-${s.short}, ${long}` : `    ${long}`, s.description];
  });
  const width = Math.max(...heads.map(([h]) => h.length)) + 2;
  return heads.map(([h, d]) => `  ${h.padEnd(width)}${d}`);
}

/** The process entry (bin/capsule.mjs): wires stdio and sets the exit code. */
export async function runCli(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // a closed pipe (`capsule run x | head -1`) is not an error worth a stack trace
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  const io: CliIO = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    colors: process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
    env: process.env,
  };
  process.exitCode = await main(argv, io);
}
