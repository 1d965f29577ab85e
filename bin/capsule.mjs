#!/usr/bin/env node
// The `capsule` command: starts the bundled CLI (out/core/cli.mjs, built from core/cli.ts
// by build/build-core.mjs). See docs/CLI.md.
import { existsSync } from 'node:fs';

const bundle = new URL('../out/core/cli.mjs', import.meta.url);

if (process.env.CAPSULE_DEBUG === '1') process.setSourceMapsEnabled?.(true);

let cli;
try {
  cli = await import(bundle.href);
} catch (err) {
  if (!existsSync(bundle)) {
    process.stderr.write('capsule: the CLI is not built; run `npm run build:core`\n');
    process.exitCode = 2;
  } else {
    process.stderr.write('capsule: internal error: the CLI bundle failed to load; rebuild it with `npm run build:core`\n');
    if (process.env.CAPSULE_DEBUG === '1') process.stderr.write(`${err?.stack ?? err}\n`);
    process.exitCode = 70;
  }
}
if (cli) await cli.runCli(process.argv.slice(2));
