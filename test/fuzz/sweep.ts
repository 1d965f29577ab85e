/**
 * Systematic sweeps: one mutation at every place of every corpus program (instead of the fuzzer's
 * random places), checked with the fuzzer's own oracle. Where random runs find one fault in
 * 100 000+ programs, a sweep of one mutation class finds the class's faults directly.
 *
 *   npx tsx test/fuzz/sweep.ts        (env: MODE, NAMES, FILTER, N, SEED, OUT)
 *
 * MODE: ident (rename each identifier to each of NAMES), self (to the program's own names), op
 * (swap an operator within its class), num / str (boundary numbers / strings), del (delete a
 * token). FILTER: a regex the corpus file must match (default: files that read `.message` or
 * `.name`; `.` for all). N mutants of the shuffled set (SEED) are checked; each fault is written
 * to OUT (default: sweep-out/) as `sweep-fault-<k>.js` with the fault on its first line.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as core from '../../core/index';
import { checkProgram } from './engine';
import { tokenize, untokenize } from './mutate';
const root = path.join(path.dirname(new URL(import.meta.url).pathname), '../differential/corpus');
const OUT = process.env.OUT ?? 'sweep-out';
fs.mkdirSync(OUT, { recursive: true });
const files: string[] = [];
for (const d of fs.readdirSync(root)) for (const f of fs.readdirSync(path.join(root, d))) if (f.endsWith('.js')) files.push(path.join(root, d, f));
const NAMES = (process.env.NAMES ?? 'constructor,prototype,__proto__,length,function,toString,then,Promise,undefined,null,this,Symbol,Object').split(',');
const MODE = process.env.MODE ?? 'ident';
const FILTER = new RegExp(process.env.FILTER ?? '\\.message|\\.name\\b');
const want = files.filter((f) => FILTER.test(fs.readFileSync(f, 'utf8')));
const OPS = [['+', '-', '*', '/', '%', '**', '&', '|', '^', '<<', '>>', '>>>', '&&', '||', '??', ',', 'in', 'instanceof'], ['<', '<=', '>', '>=', '==', '===', '!=', '!=='], ['+=', '-=', '*=', '/=', '%=', '**=', '&=', '|=', '^=', '<<=', '>>=', '>>>=', '&&=', '||=', '??=', '='], ['++', '--'], ['.', '?.']];
const NUMS = ['0', '-0', '-1', 'NaN', 'Infinity', '0.5', '1e21', '2147483648', '4294967295', '9007199254740993', '2n', '-1n', '1e-7'];
const STRS = ["''", "'__proto__'", "'constructor'", "'toString'", "'length'", "'-1'", "'NaN'", "'%s%d%o%j'", "'$&$1$<x>'", "'\\ud800'", "'😀'"];
const muts: string[] = [];
for (const f of want) {
  const src = fs.readFileSync(f, 'utf8');
  const toks = tokenize(src);
  toks.forEach((t, i) => {
    let alts: string[] = [];
    if (MODE === 'ident' && t.kind === 'ident') alts = NAMES;
    else if (MODE === 'self' && t.kind === 'ident') alts = [...new Set(toks.filter((x) => x.kind === 'ident').map((x) => x.text))].slice(0, 40);
    else if (MODE === 'op' && t.kind === 'punct') alts = (OPS.find((c) => c.includes(t.text)) ?? []).map((o) => ` ${o} `);
    else if (MODE === 'num' && t.kind === 'number') alts = NUMS;
    else if (MODE === 'str' && t.kind === 'string') alts = STRS;
    if (MODE === 'del' && t.kind !== 'ws') alts = [''];
    for (const n of alts) {
      if (n !== '' && n.trim() === t.text) continue;
      const c = toks.slice(); c[i] = { ...t, text: n };
      muts.push(untokenize(c));
    }
  });
}
// deterministic shuffle
let s = Number(process.env.SEED ?? 7);
const rnd = () => ((s = (s * 48271) % 2147483647) / 2147483647);
for (let i = muts.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [muts[i], muts[j]] = [muts[j], muts[i]]; }
const N = Number(process.env.N ?? 2000);
console.log(want.length, 'files', muts.length, 'mutants; checking', N);
let bad = 0;
const t0 = Date.now();
for (let k = 0; k < Math.min(N, muts.length); k++) {
  const f = await checkProgram(core, muts[k]);
  if (f) { bad++; fs.writeFileSync(path.join(OUT, `sweep-fault-${k}.js`), `// ${f.kind}: ${f.detail.slice(0, 400).replace(/\n/g, ' ')}\n${muts[k]}`); console.log('FAULT', k, f.kind, f.detail.slice(0, 300)); }
}
console.log(`${Math.min(N, muts.length)} checked, ${bad} faults, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
