/**
 * Node-only file access for host tools (the CLI). Core proper never imports this:
 * guests have no file system. Errors name only the path the user gave us, never a
 * resolved host path or the underlying exception text.
 */
import { readFileSync } from 'node:fs';

/** A file the user named could not be read. `message` is one line, safe to print. */
export class HostFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot read '${path}': ${reason}`);
    this.name = 'HostFileError';
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
};

/** Reads a UTF-8 text file the user named (relative paths resolve against the process cwd). */
export function readTextFile(path: string): string {
  if (path === '') throw new HostFileError(path, 'empty file name');
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    throw new HostFileError(path, (code && REASONS[code]) ?? (code ? `read failed (${code})` : 'read failed'));
  }
}
