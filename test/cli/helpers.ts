/**
 * Helpers for the CLI tests: they spawn the real `capsule` (node bin/capsule.mjs) on
 * temp files. The bundle is (re)built when missing or older than any core source, so
 * `npx vitest run test/cli` works from a fresh checkout and never tests a stale build.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/capsule.mjs');
export const BUNDLE = join(ROOT, 'out/core/cli.mjs');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds out/core with build/build-core.mjs unless it is present and up to date. */
export function ensureBundle(): void {
  let built = 0;
  try {
    built = statSync(BUNDLE).mtimeMs;
  } catch {
    /* missing */
  }
  const newest = Math.max(newestSource(join(ROOT, 'core')), statSync(join(ROOT, 'build/build-core.mjs')).mtimeMs);
  if (built > newest) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'build/build-core.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build:core failed:\n${r.stdout}\n${r.stderr}`);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `capsule ...args` in `cwd`, colors off, CAPSULE_DEBUG unset unless given. */
export function capsule(args: readonly string[], cwd: string, env: Record<string, string> = {}, bin = BIN, timeout = 30_000): CliResult {
  const { CAPSULE_DEBUG: _debug, FORCE_COLOR: _force, ...base } = process.env;
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...base, NO_COLOR: '1', ...env },
    timeout,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temp directory holding `files` (name → contents); removed by the returned cleanup. */
export function workspace(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'capsule-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The last non-empty stdout line, parsed as JSON. */
export function lastJson(stdout: string): any {
  const lines = stdout.split('\n').filter((l) => l !== '');
  return JSON.parse(lines[lines.length - 1]);
}
