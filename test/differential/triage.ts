/** Runs the differential corpus against core and prints failures grouped by category (a dev tool). */
import { loadCorpus } from './corpus';
import { compare, describeOutcome, runInCore, runInV8 } from './harness';

const filter = process.argv[2];
const verbose = process.argv.includes('-v');
const programs = loadCorpus(filter && !filter.startsWith('-') ? filter : undefined);
let pass = 0;
const fails: Record<string, string[]> = {};
for (const p of programs) {
  const a = await runInV8(p.source);
  let b;
  try {
    b = await runInCore(p.source);
  } catch (e) {
    b = { error: { name: 'HOST', message: String((e as Error)?.stack ?? e).slice(0, 300) }, console: [] };
  }
  const c = compare(a, b, { compareMessages: p.directives.compareMessages });
  if (c.equal) pass++;
  else {
    (fails[p.category] ??= []).push(`${p.id}: ${c.differences.join(' | ').slice(0, verbose ? 2000 : 300)}${verbose ? '\n  V8:   ' + describeOutcome(a).slice(0, 500) + '\n  core: ' + describeOutcome(b).slice(0, 500) : ''}`);
  }
}
for (const [cat, list] of Object.entries(fails)) {
  console.log(`\n## ${cat} (${list.length})`);
  for (const l of list) console.log('  ' + l);
}
console.log(`\n${pass} passed, ${programs.length - pass} failed`);
