/** Bundles the core (bench/core-entry.ts) with esbuild into bench/.build/core.mjs. */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { meriyahOptionsPlugin } from '../build/build-core.mjs';

export type CoreModule = typeof import('./core-entry');

const here = dirname(fileURLToPath(import.meta.url));
export const CORE_BUNDLE = join(here, '.build', 'core.mjs');

/** Builds the bundle and imports it. Returns the module and the build time. */
export async function loadBundledCore(): Promise<{ core: CoreModule; buildMs: number; bytes: number }> {
  const t0 = performance.now();
  const result = await build({
    entryPoints: [join(here, 'core-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: CORE_BUNDLE,
    metafile: true,
    logLevel: 'warning',
    // the same bundle as out/core: meriyah's options patch included
    plugins: [meriyahOptionsPlugin],
  });
  const buildMs = performance.now() - t0;
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  const core = (await import(pathToFileURL(CORE_BUNDLE).href)) as CoreModule;
  return { core, buildMs, bytes };
}
