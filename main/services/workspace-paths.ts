/**
 * Workspace paths from the renderer are untrusted. A path is accepted only as a relative,
 * forward-slash path of plain segments under the workspace root, and only if the file it names
 * (or, for a file still to be created, its nearest existing ancestor) really lies under the root
 * once symbolic links are resolved.
 */
import { realpath } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/** A path the renderer sent that names nothing it may touch; the message is safe to show. */
export class WorkspacePathError extends Error {}

/** Folders that are never listed, searched or written: version control, dependencies, the recovery journal. */
export const HIDDEN_DIRS = new Set(['.git', 'node_modules', '.capsule/recovery']);
/** Folders the renderer may never write into, even by a path typed by hand. */
const READ_ONLY_DIRS = ['.git', 'node_modules', '.capsule/recovery'];

const MAX_PATH = 1024;
// Windows reserves these names in every folder; refusing them everywhere keeps workspaces portable.
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * Checks the shape of a renderer-supplied workspace path and returns it normalised
 * (`a/b.js`): no absolute paths, drive letters, backslashes, `..`, empty or `.` segments,
 * control characters or reserved names. Throws {@link WorkspacePathError}.
 */
export function normalizeRelative(path: unknown): string {
  if (typeof path !== 'string') throw new WorkspacePathError('path must be a string');
  if (path === '') throw new WorkspacePathError('path must not be empty');
  if (path.length > MAX_PATH) throw new WorkspacePathError('path is too long');
  const shown = JSON.stringify(path.slice(0, 120));
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(path)) throw new WorkspacePathError(`path ${shown} contains control characters`);
  if (path.includes('\\')) throw new WorkspacePathError(`path ${shown} must use / as separator`);
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) throw new WorkspacePathError(`path ${shown} must be relative to the workspace`);
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '..') throw new WorkspacePathError(`path ${shown} leaves the workspace`);
    if (segment === '' || segment === '.') throw new WorkspacePathError(`path ${shown} has an empty or "." segment`);
    if (RESERVED.test(segment) || /[<>:"|?*]/.test(segment) || /[ .]$/.test(segment)) {
      throw new WorkspacePathError(`path ${shown} has a name that is not portable ("${segment}")`);
    }
  }
  return segments.join('/');
}

/** True when `rel` lies in (or is) one of `dirs`, all workspace-relative. */
export function isUnder(rel: string, dirs: Iterable<string>): boolean {
  for (const dir of dirs) if (rel === dir || rel.startsWith(`${dir}/`)) return true;
  return false;
}

function inside(realRoot: string, real: string): boolean {
  const r = relative(realRoot, real);
  return r === '' || (!r.startsWith(`..${sep}`) && r !== '..' && !r.startsWith(sep) && !/^[a-zA-Z]:/.test(r));
}

/** The real path of `abs`, or of its nearest existing ancestor joined with the rest. */
async function realOrAncestor(abs: string): Promise<string> {
  const rest: string[] = [];
  let current = abs;
  for (;;) {
    try {
      const real = await realpath(current);
      return rest.length === 0 ? real : join(real, ...rest.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = dirname(current);
      if (parent === current) throw error;
      rest.push(current.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
      current = parent;
    }
  }
}

/**
 * Resolves a renderer path to an absolute host path under `realRoot` (the root's real path),
 * following symbolic links: a link that points outside the workspace is refused. For `write`,
 * folders that must stay untouched are refused too.
 */
export async function resolveInside(realRoot: string, path: unknown, access: 'read' | 'write'): Promise<{ rel: string; abs: string }> {
  const rel = normalizeRelative(path);
  if (access === 'write' && isUnder(rel, READ_ONLY_DIRS)) throw new WorkspacePathError(`${rel}: this folder cannot be written from the studio`);
  const abs = join(realRoot, ...rel.split('/'));
  let real: string;
  try {
    real = await realOrAncestor(abs);
  } catch {
    throw new WorkspacePathError(`${rel}: cannot be resolved`);
  }
  if (!inside(realRoot, real)) throw new WorkspacePathError(`${rel}: a symbolic link leads outside the workspace`);
  return { rel, abs };
}
