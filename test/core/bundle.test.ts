/**
 * The core bundle (out/core/*.mjs, what hosts, the CLI and the sidecar load) carries
 * build/build-core.mjs's meriyah options patch: if a meriyah update changes the patched text,
 * the build only warns, and this test says so.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBundle } from '../cli/helpers';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { MERIYAH_OPTIONS_PATCHED, MERIYAH_OPTIONS_SPREAD } from '../../build/build-core.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Whitespace-insensitive: esbuild reprints the code (and drops comments). */
const squash = (s: string) => s.replace(/\/\*.*?\*\//g, '').replace(/\s+/g, '');

beforeAll(() => ensureBundle(), 120_000);

describe('the core bundle', () => {
  it("meriyah's dist still has the options spread the build replaces", () => {
    const file = createRequire(import.meta.url).resolve('meriyah').replace(/meriyah\.cjs$/, 'meriyah.mjs');
    expect(readFileSync(file, 'utf8')).toContain(MERIYAH_OPTIONS_SPREAD as string);
  });

  for (const name of ['index', 'cli', 'sidecar']) {
    it(`out/core/${name}.mjs parses with the patched options`, () => {
      const bundle = squash(readFileSync(path.join(ROOT, `out/core/${name}.mjs`), 'utf8'));
      expect(bundle).toContain(squash(MERIYAH_OPTIONS_PATCHED as string));
      expect(bundle).not.toContain(squash('{...restOptions,ranges,features,sourceType'));
    });
  }

  it('the patched parser still parses and reports errors (a compile of the bundle)', async () => {
    const core = (await import(path.join(ROOT, 'out/core/index.mjs'))) as typeof import('../../core/index');
    expect(core.runSync('const { a, ...r } = { a: 1, b: 2 }; [a, r.b, /x/u.test("x")]').value).toEqual([1, 2, true]);
    expect(() => core.compile('let let = 1')).toThrow(core.ParseError);
    expect(() => core.compile('let let = 1')).toThrow('Unexpected strict mode reserved word');
  });
});
