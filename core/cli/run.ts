/**
 * `capsule run FILE|ARTIFACT.capsule`: compile (or load) and run a program, printing its
 * console output and result. Capabilities come from --mocks and/or --host; --trace and
 * --durable drive the run step-wise (drive.ts).
 */
import {
  checkArtifactInputs,
  compile,
  loadArtifact,
  run,
  runSync,
  type Capability,
  type CompiledProgram,
  type ConsoleLevel,
  type Limits,
  type StartOptions,
} from '../index';
import { UsageError } from './args';
import { hostCapabilities, withMissingHandlers } from './capabilities';
import { readOptionFile, readProgramFile, type Command } from './command';
import { drive } from './drive';
import { runIsolated } from './isolate';
import { durability } from './durable';
import { EXIT } from './io';
import { CAPABILITY_OPTIONS, EXEC_OPTIONS, JSON_OPTION, RUN_OPTIONS, runSettings } from './options';
import { errorLine, okLine, outcomeOf, pretty } from './report';

const TO_STDERR: ReadonlySet<ConsoleLevel> = new Set(['warn', 'error']);

export const runCommand: Command = {
  name: 'run',
  summary: 'run a script or an exported artifact; print its console output and its result',
  operands: 'FILE',
  minOperands: 1,
  maxOperands: 1,
  options: { ...RUN_OPTIONS, ...CAPABILITY_OPTIONS, ...EXEC_OPTIONS, ...JSON_OPTION },
  details: [
    'FILE is a script, or an artifact written by capsule export (by its .capsule name or its',
    "magic bytes); an artifact brings its capabilities' schemas, its inputs and its default limits.",
    'console.log/info/debug go to stdout and console.warn/error to stderr, one line per call.',
    'Then the result (the value of the last expression statement, awaited) is printed like',
    "Node's util.inspect; an undefined result prints nothing. With --json the last stdout line is",
    '{"ok":true,"value":…,"instructions":N} or {"ok":false,"error":{"kind","name","message","stack"}}.',
    '--trace lines: [trace] suspend at N: #id name(args), … and [trace] answer #id name: value.',
    '',
    'Examples:',
    `  capsule run job.js --inputs '{"user":"ada"}' --seed 42 --now 2024-05-01T12:00:00Z`,
    `  capsule run job.js --inputs @inputs.json --limits '{"instructions":1000000}' --json`,
    '  capsule run job.js --mocks mocks.json --trace',
    '  capsule run job.capsule --host host.mjs --public-key release.key.pub --durable',
    '  capsule run untrusted.js --isolate --mocks mocks.json     # in a sidecar process',
  ],
  async run({ io, args, where }) {
    const file = args.positionals[0];
    const settings = runSettings(args, where);
    const json = args.values.json === true;
    const trace = args.values.trace === true;
    const durable = args.values.durable === true;
    const input = readProgramFile(file, where);
    const publicKeyPath = args.values['public-key'];
    if (typeof publicKeyPath === 'string' && input.kind !== 'artifact') {
      throw new UsageError(`${where}: --public-key applies to artifacts (.capsule files) only`);
    }
    const publicKey = typeof publicKeyPath === 'string' ? readOptionFile(publicKeyPath, '--public-key', where) : undefined;
    const nowValue = settings.now;
    const now = nowValue === undefined ? undefined : () => nowValue;
    const onConsole = (level: ConsoleLevel, text: string) => (TO_STDERR.has(level) ? io.stderr : io.stdout)(`${text}\n`);
    const provided = await hostCapabilities(args, where, { seed: settings.seed, now, onConsole });
    for (const c of provided.list) {
      if (Object.hasOwn(settings.inputs, c.name)) throw new UsageError(`${where}: '${c.name}' is both an input and a capability`);
    }
    try {
      let program: CompiledProgram;
      let capabilities: Capability[];
      let limits: Partial<Limits> = settings.limits;
      if (input.kind === 'artifact') {
        const artifact = loadArtifact(input.bytes, { publicKey });
        // the artifact's declarations are authoritative; --mocks/--host supply handlers by name
        const byName = new Map(provided.list.map((c) => [c.name, c]));
        capabilities = withMissingHandlers(artifact.manifest.capabilities.map((d) => ({ ...d, handler: byName.get(d.name)?.handler })));
        limits = { ...artifact.manifest.limits, ...settings.limits };
        checkArtifactInputs(artifact, settings.inputs);
        program = artifact.program;
      } else {
        capabilities = withMissingHandlers(provided.list);
        const names = capabilities.map((c) => c.name);
        program = compile(input.source, { globals: [...Object.keys(settings.inputs), ...names], capabilities: names });
      }
      const options: StartOptions & { capabilities: Capability[] } = {
        inputs: settings.inputs,
        limits,
        seed: settings.seed,
        now,
        onConsole,
        capabilities,
      };
      let result: { value: unknown; instructions: number };
      if (args.values.isolate === true) {
        result = await runIsolated({
          source: program.source,
          inputs: settings.inputs,
          limits,
          seed: settings.seed,
          now: nowValue,
          capabilities,
          onConsole,
          trace: trace ? (line) => io.stderr(`${line}\n`) : undefined,
          durable,
        });
      } else if (trace || durable) {
        result = await drive(program, options, {
          trace: trace ? (line) => io.stderr(`${line}\n`) : undefined,
          durable: durable ? durability(program, options) : undefined,
        });
      } else if (provided.async) result = await run(program, options);
      else result = runSync(program, options);
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
