/**
 * Runs the whole corpus through V8 alone and reports programs that are broken as oracle input:
 * an unexpected uncaught error (or a missing one for `// diff: throws`), a non-structured
 * result, a never-settling result, different outcomes across two runs, dependence on the host
 * time zone, banned APIs, or a size outside 5..60 lines.
 *
 *   npx tsx test/differential/verify-corpus.ts [--print] [filter]
 *
 * `--print` also prints every outcome (to eyeball what a program does).
 */
import { canonical, describeOutcome, isStructured, runInV8Detailed, type Outcome } from './harness';
import { BANNED_APIS, loadCorpus, type CorpusProgram } from './corpus';

export interface CorpusCheck {
  program: CorpusProgram;
  outcome: Outcome;
  problems: string[];
}

const key = (o: Outcome) =>
  JSON.stringify(['error' in o ? ['error', o.error.name, o.error.message] : ['value', canonical(o.value)], o.console]);

/** Checks one corpus program in V8 (twice, plus once in a non-UTC zone if `checkTimeZone`). */
export async function checkProgram(program: CorpusProgram, checkTimeZone = false): Promise<CorpusCheck> {
  const problems: string[] = [];
  const first = await runInV8Detailed(program.source);
  const second = await runInV8Detailed(program.source);
  const o = first.outcome;
  if (key(o) !== key(second.outcome)) problems.push('nondeterministic: two runs differ');
  if (!first.resultStable) problems.push('the result value is still mutated after it was produced');
  if (checkTimeZone) {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    try {
      const third = await runInV8Detailed(program.source);
      if (key(o) !== key(third.outcome)) problems.push('depends on the host time zone');
    } finally {
      process.env.TZ = saved;
    }
  }
  if ('error' in o) {
    if (o.error.name === 'Pending') problems.push('result promise never settles');
    else if (!program.directives.throws) problems.push(`unexpected uncaught ${o.error.name}: ${o.error.message}`);
  } else {
    if (program.directives.throws) problems.push('expected an uncaught error (// diff: throws) but it completed');
    if (!isStructured(o.value)) problems.push(`result is not structured: ${canonical(o.value)}`);
  }
  const m = BANNED_APIS.exec(program.source);
  if (m) problems.push(`uses a banned API: ${m[0]}`);
  const lines = program.source.trimEnd().split('\n').length;
  if (lines < 5 || lines > 60) problems.push(`has ${lines} lines (want 5..60)`);
  for (const [, text] of o.console) {
    if (/guest\.js|node:|\/work\/|    at /.test(text)) problems.push(`console output leaks host details: ${JSON.stringify(text)}`);
  }
  return { program, outcome: o, problems };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const print = args.includes('--print');
  const filter = args.find((a) => !a.startsWith('--'));
  const programs = loadCorpus(filter);
  const counts = new Map<string, number>();
  let bad = 0;
  const t0 = performance.now();
  for (const p of programs) {
    counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
    const r = await checkProgram(p, true);
    if (print) console.log(`--- ${p.id}\n${describeOutcome(r.outcome)}`);
    if (r.problems.length) {
      bad++;
      console.log(`FAIL ${p.id}\n  ${r.problems.join('\n  ')}`);
    }
  }
  const ms = performance.now() - t0;
  console.log([...counts].map(([c, n]) => `${c.padEnd(22)} ${n}`).join('\n'));
  console.log(`${programs.length} programs, ${bad} with problems (${ms.toFixed(0)} ms)`);
  process.exitCode = bad ? 1 : 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();
