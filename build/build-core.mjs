#!/usr/bin/env node
/**
 * Bundles the TypeScript core for plain Node with esbuild:
 *   out/core/cli.mjs    the `capsule` CLI (started by bin/capsule.mjs)
 *   out/core/index.mjs  the core library, for hosts and benchmarks
 *   out/core/sidecar.mjs  the sidecar process that runs sessions for a parent (core/host/sidecar)
 * ESM, platform node, target node20, meriyah bundled in (each file is self-contained).
 * Bundling also inlines `const enum` members across files, which the VM's speed relies on.
 *
 * Runs from `npm run build:core` and from `prepare` (so `npm install`/`npm ci` build it).
 * Outputs are written to temp files and renamed, so a concurrent reader (another test
 * run) never sees a half-written bundle.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = resolve(root, 'out/core');

/**
 * meriyah 7.4's `normalizeOptions` (run on every parse) ends in
 * `{ ...restOptions, ranges, features, sourceType }`. On Node 20's V8 an object spread followed by
 * more properties takes ~5 µs (the clone's map gets no transition it can reuse, so every call
 * builds new maps): a quarter of a trivial compile+run. The bundle gets the same object built
 * with `Object.assign` and three stores (same keys, same order; ~0.1 µs). The text is matched
 * exactly; if a meriyah update changes it, the build warns and bundles meriyah as it is
 * (test/core/bundle.test.ts then fails, so the change is seen).
 */
export const MERIYAH_OPTIONS_SPREAD = `    const options = {
        ...restOptions,
        ranges,
        features,
        sourceType,
    };`;
export const MERIYAH_OPTIONS_PATCHED = `    const options = Object.assign({}, restOptions); /* capsule: no spread, see build/build-core.mjs */
    options.ranges = ranges;
    options.features = features;
    options.sourceType = sourceType;`;

export const meriyahOptionsPlugin = {
  name: 'meriyah-options',
  setup(b) {
    b.onLoad({ filter: /[\\/]meriyah[\\/]dist[\\/]meriyah\.mjs$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(MERIYAH_OPTIONS_SPREAD)) {
        return { contents: text, loader: 'js', warnings: [{ text: 'meriyah: normalizeOptions changed; bundled without the options patch (build/build-core.mjs)' }] };
      }
      return { contents: text.replace(MERIYAH_OPTIONS_SPREAD, MERIYAH_OPTIONS_PATCHED), loader: 'js' };
    });
  },
};

/** Builds both bundles; returns the written paths. */
export async function buildCore({ quiet = false } = {}) {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: { cli: 'core/cli.ts', index: 'core/index.ts', sidecar: 'core/host/sidecar/entry.ts' },
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
    plugins: [meriyahOptionsPlugin],
  });
  mkdirSync(OUT_DIR, { recursive: true });
  const written = [];
  for (const file of result.outputFiles) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
    written.push(file.path);
  }
  if (!quiet) {
    for (const path of written.filter((p) => p.endsWith('.mjs'))) console.log(`built ${relative(root, path)}`);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let esbuildMissing = false;
  try {
    await import('esbuild');
  } catch {
    esbuildMissing = true;
  }
  if (esbuildMissing) {
    // `npm install --omit=dev` has no esbuild: don't fail the install, say what is missing
    const prepare = process.env.npm_lifecycle_event === 'prepare';
    console.error(`build-core: esbuild is not installed; the capsule CLI needs it (npm install, then npm run build:core)`);
    process.exit(prepare ? 0 : 1);
  }
  try {
    await buildCore();
  } catch (err) {
    // esbuild has already printed the located errors
    if (!(err && Array.isArray(err.errors))) console.error(err);
    process.exit(1);
  }
}
