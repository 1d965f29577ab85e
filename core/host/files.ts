/**
 * Node-only file access for host tools (the CLI). Core proper never imports this:
 * guests have no file system. Errors name only the path the user gave us, never a
 * resolved host path or the underlying exception text.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/** A file the user named could not be read. `message` is one line, safe to print. */
export class HostFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly action: 'read' | 'write' = 'read',
  ) {
    super(`cannot ${action} '${path}': ${reason}`);
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
  EEXIST: 'already exists',
  ENOSPC: 'no space left',
  EROFS: 'read-only file system',
};

function reasonOf(err: unknown, fallback: string): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return (code && REASONS[code]) ?? (code ? `${fallback} (${code})` : fallback);
}

/** Reads a UTF-8 text file the user named (relative paths resolve against the process cwd). */
export function readTextFile(path: string): string {
  if (path === '') throw new HostFileError(path, 'empty file name');
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new HostFileError(path, reasonOf(err, 'read failed'));
  }
}

/** Reads a binary file the user named (an artifact). */
export function readBinaryFile(path: string): Uint8Array {
  if (path === '') throw new HostFileError(path, 'empty file name');
  try {
    return new Uint8Array(readFileSync(path));
  } catch (err) {
    throw new HostFileError(path, reasonOf(err, 'read failed'));
  }
}

export interface WriteOptions {
  /** File mode for a new file (e.g. 0o600 for a private key). */
  mode?: number;
  /** Refuse to replace an existing file. */
  exclusive?: boolean;
}

/** True when `path` names an existing file or directory. */
export function fileExists(path: string): boolean {
  return path !== '' && existsSync(path);
}

/**
 * Writes a file the user named: to a temp file beside it, then renamed over it, so a
 * reader never sees half a file. With `exclusive`, an existing file is an error.
 */
export function writeFile(path: string, data: Uint8Array | string, options: WriteOptions = {}): void {
  if (path === '') throw new HostFileError(path, 'empty file name', 'write');
  if (options.exclusive && existsSync(path)) throw new HostFileError(path, 'already exists (pass --force to replace it)', 'write');
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data, { mode: options.mode ?? 0o666 });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new HostFileError(path, reasonOf(err, 'write failed'), 'write');
  }
}

/**
 * Files under `dir` whose name passes `accept`, as `/`-separated paths relative to `dir`, sorted.
 * Skips `node_modules` and dot-directories (`.git`, `.capsule`); does not follow symbolic links.
 */
export function listFiles(dir: string, accept: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(rel ? join(dir, rel) : dir, { withFileTypes: true });
    } catch (err) {
      if (!rel) throw new HostFileError(dir, reasonOf(err, 'cannot list'));
      return;
    }
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(path);
      } else if (e.isFile() && accept(e.name)) out.push(path);
    }
  };
  walk('');
  return out.sort();
}

/** True when `path` names an existing directory. */
export function isDirectory(path: string): boolean {
  try {
    return path !== '' && statSync(path).isDirectory();
  } catch {
    return false;
  }
}
