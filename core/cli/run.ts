/** `capsule run FILE`: compile and run a script, printing its console output and result. */
import { compile, runSync, type ConsoleLevel } from '../index';
import { readSource, type Command } from './command';
import { EXIT } from './io';
import { JSON_OPTION, RUN_OPTIONS, runSettings } from './options';
import { errorLine, okLine, outcomeOf, pretty } from './report';

const TO_STDERR: ReadonlySet<ConsoleLevel> = new Set(['warn', 'error']);

export const runCommand: Command = {
  name: 'run',
  summary: 'run a script; print its console output and its result',
  operands: 'FILE',
  minOperands: 1,
  maxOperands: 1,
  options: { ...RUN_OPTIONS, ...JSON_OPTION },
  details: [
    'console.log/info/debug go to stdout and console.warn/error to stderr, one line per call.',
    'Then the result (the value of the last expression statement, awaited) is printed like',
    "Node's util.inspect; an undefined result prints nothing. With --json the last stdout line is",
    '{"ok":true,"value":…,"instructions":N} or {"ok":false,"error":{"kind","name","message","stack"}}.',
    '',
    'Examples:',
    `  capsule run job.js --inputs '{"user":"ada"}' --seed 42 --now 2024-05-01T12:00:00Z`,
    `  capsule run job.js --inputs @inputs.json --limits '{"instructions":1000000}' --json`,
  ],
  run({ io, args, where }) {
    const file = args.positionals[0];
    const settings = runSettings(args, where);
    const json = args.values.json === true;
    const source = readSource(file, where);
    const now = settings.now;
    try {
      const program = compile(source, { globals: Object.keys(settings.inputs) });
      const result = runSync(program, {
        inputs: settings.inputs,
        limits: settings.limits,
        seed: settings.seed,
        now: now === undefined ? undefined : () => now,
        onConsole: (level, text) => (TO_STDERR.has(level) ? io.stderr : io.stdout)(`${text}\n`),
      });
      if (json) io.stdout(`${okLine(result.value, result.instructions)}\n`);
      else if (result.value !== undefined) io.stdout(`${pretty(result.value, io)}\n`);
      return EXIT.ok;
    } catch (err) {
      const outcome = outcomeOf(err, file, io);
      if (json) {
        // a bug still gets its debug details on stderr; the last stdout line stays JSON
        if (outcome.report.kind === 'Internal') io.stderr(`${outcome.lines.join('\n')}\n`);
        io.stdout(`${errorLine(outcome.report)}\n`);
      } else {
        io.stderr(`${outcome.lines.join('\n')}\n`);
      }
      return outcome.exitCode;
    }
  },
};
