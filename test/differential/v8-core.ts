/**
 * A stand-in for core's `run()` backed by V8 itself, honouring the same contract (console via
 * `onConsole`, uncaught guest errors as RuntimeError, source errors as ParseError, budget as
 * LimitError). It exists to self-test the differential pipeline before core runs:
 *
 *   CAPSULE_CORE_MODULE=test/differential/v8-core.ts npm run test:diff
 *
 * must pass completely (every difference it reports is a harness bug, not a core bug).
 */
import { LimitError, ParseError, RuntimeError } from '../../core/errors';
import { runInV8Detailed, type ConsoleLevel } from './harness';

export interface RunOptions {
  inputs?: Record<string, unknown>;
  seed?: number;
  now?: () => number;
  onConsole?: (level: ConsoleLevel, text: string) => void;
  limits?: object;
}

const SPAN = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

export async function run(source: string, options: RunOptions = {}): Promise<{ value: unknown; instructions: number }> {
  const r = await runInV8Detailed(source);
  for (const [level, text] of r.outcome.console) options.onConsole?.(level, text);
  if (!('error' in r.outcome)) return { value: r.outcome.value, instructions: 0 };
  const { name, message } = r.outcome.error;
  if (name === 'LimitError') throw new LimitError('timeMs', 5000, 5000);
  if (name === 'SyntaxError' && r.outcome.console.length === 0 && !/JSON|Invalid regular expression: \/.*\/: /.test(message)) {
    throw new ParseError({ code: 'CAP0000', message, severity: 'error', span: SPAN });
  }
  if (name === 'Thrown') throw new RuntimeError('', message, '', r.thrown, false);
  throw new RuntimeError(name, message, '', r.thrown);
}
