/** Loads the differential corpus: test/differential/corpus/<category>/<name>.js. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDirectives, type Directives } from './harness';

export const CORPUS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');

export interface CorpusProgram {
  /** `<category>/<name>` */
  id: string;
  category: string;
  file: string;
  source: string;
  directives: Directives;
}

/** Every corpus program, sorted by id. `filter` (substring of the id) narrows the list. */
export function loadCorpus(filter?: string): CorpusProgram[] {
  const out: CorpusProgram[] = [];
  for (const category of readdirSync(CORPUS_DIR).sort()) {
    const dir = path.join(CORPUS_DIR, category);
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.js')) continue;
      const id = `${category}/${name.slice(0, -3)}`;
      if (filter && !id.includes(filter)) continue;
      const file = path.join(dir, name);
      const source = readFileSync(file, 'utf8');
      out.push({ id, category, file, source, directives: readDirectives(source) });
    }
  }
  return out;
}

/** Host-nondeterministic or local-time APIs corpus programs must not use. */
export const BANNED_APIS =
  /\bMath\.random\b|\bDate\.now\b|\bnew Date\(\s*\)|\bDate\(\s*\)|\bperformance\b|\b(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)\(|getTimezoneOffset|toLocale(Date|Time)?String|toDateString|toTimeString|\.stack\b/;
