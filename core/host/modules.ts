/**
 * Node-only: loads a host module the user named (`capsule run --host MODULE.mjs`). The
 * module runs in the CLI process with the user's own privileges — it is the host, not
 * the guest — so this is the one place the CLI executes code from outside the sandbox.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HostFileError } from './files';

/** Imports the ES module at `path` (relative to the cwd) and returns its namespace. */
export async function importHostModule(path: string): Promise<Record<string, unknown>> {
  if (path === '') throw new HostFileError(path, 'empty file name');
  const abs = resolve(path);
  if (!existsSync(abs)) throw new HostFileError(path, 'no such file');
  if (statSync(abs).isDirectory()) throw new HostFileError(path, 'is a directory');
  return (await import(pathToFileURL(abs).href)) as Record<string, unknown>;
}
