// docs/HOST_API.md's examples are the files under examples/host/, verbatim, and each one runs
// (with its own assertions) against the built bundle out/core/index.mjs, which exports
// everything core/index.ts does.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBundle, ROOT } from './helpers';

const DIR = join(ROOT, 'examples/host');
const examples = readdirSync(DIR).filter((f) => f.endsWith('.mjs')).sort();

beforeAll(() => ensureBundle());

describe('examples/host', () => {
  it('there are examples', () => expect(examples.length).toBeGreaterThanOrEqual(6));

  it.each(examples)('%s runs and its assertions hold', (file) => {
    const r = spawnSync(process.execPath, [join(DIR, file)], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
  }, 60_000);

  it('docs/HOST_API.md shows every example verbatim', () => {
    const doc = readFileSync(join(ROOT, 'docs/HOST_API.md'), 'utf8');
    for (const file of examples) {
      const m = new RegExp(`<!-- example: examples/host/${file.replace('.', '\\.')} -->\\n\\n\`\`\`js\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
      expect(m, `${file} is not embedded in docs/HOST_API.md`).not.toBeNull();
      expect(m![1]).toBe(readFileSync(join(DIR, file), 'utf8').trimEnd());
    }
  });

  it('the bundle exports every value core/index.ts exports', async () => {
    const source = await import('../../core/index');
    const bundle = await import(pathToFileURL(join(ROOT, 'out/core/index.mjs')).href);
    const missing = Object.keys(source).filter((k) => !(k in bundle));
    expect(missing).toEqual([]);
  }, 60_000);
});
