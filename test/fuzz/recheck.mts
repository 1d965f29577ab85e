import { readFileSync } from 'node:fs';
import { caseFor, checkCase } from './engine';
const core = await import('../../out/core/index.mjs');
const idx = readFileSync('/tmp/idx.txt', 'utf8').trim().split(/\s+/).map(Number).filter((i) => i !== 60194);
let open = 0;
for (const i of idx) {
  const f = await checkCase(core as never, caseFor(20261125, i), {});
  if (f) { open++; console.log(i, f.kind, f.detail.split('\n')[0].slice(0, 120)); }
}
console.log(`recheck: ${idx.length} cases, ${open} still faulting`);
