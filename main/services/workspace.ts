/**
 * The workspace service: one folder of scripts, mocks and scenarios that the renderer lists,
 * reads, searches and writes through the bridge. Electron-free; the shells pick the folder
 * (Electron: File › Open Folder…, browser mode: `--workspace DIR`).
 *
 * - Every path from the renderer is checked by ./workspace-paths (relative, under the root,
 *   symbolic links included).
 * - Writes are atomic: a temporary file in the same folder, flushed, then renamed over the target,
 *   so a crash leaves the old file or the new one, never half of one.
 * - Unsaved edits are journalled under `.capsule/recovery/` (also atomically) and handed back by
 *   `state()` after a renderer reload or a restart of main, until they are saved or discarded.
 * - JSON files are checked when the workspace opens and on every write; a malformed file is a
 *   problem naming the file, line and column, never a reason not to open the rest.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { checkMocks } from '../../core/cli/mocks';
import type {
  RecoveredEdit,
  WorkspaceEntry,
  WorkspaceProblem,
  WorkspaceSearchMatch,
  WorkspaceSearchParams,
  WorkspaceSearchResult,
  WorkspaceState,
} from '../../preload/api';
import type { EventHub } from './events';
import { parseJson, placeOfPath } from './json-locate';
import { HIDDEN_DIRS, isUnder, normalizeRelative, resolveInside, WorkspacePathError } from './workspace-paths';

/** A request the renderer got wrong, or a file problem it should show; the message is safe to show. */
export class WorkspaceError extends Error {}

/** Checks one kind of workspace file; returns its problems (none when it is fine). */
export interface WorkspaceChecker {
  /** Whether this checker reads the file at `path` (workspace-relative). */
  appliesTo(path: string): boolean;
  check(path: string, text: string): WorkspaceProblem[];
}

export interface WorkspaceServiceOptions {
  /** Shows the host's folder picker (Electron); without it `workspace.openFolder` says how to open one. */
  pickFolder?: () => Promise<string | null>;
  /** Called after a folder opened (Electron remembers it for the next start). */
  onOpened?: (root: string) => void;
  /** Most files listed (default 5000); beyond it the listing says it is truncated. */
  maxFiles?: number;
  /** Test hook: runs between writing the temporary file and renaming it over the target. */
  beforeRename?: (tempPath: string) => Promise<void> | void;
}

const RECOVERY_DIR = '.capsule/recovery';
const TEMP_SUFFIX = '.capsule-tmp';
/** Bigger files are listed but not opened in the editor, searched or checked. */
const MAX_TEXT_BYTES = 2 * 1024 * 1024;
const MAX_CHECK_BYTES = 512 * 1024;
const MAX_SEARCH_MATCHES = 1000;
const MAX_QUERY = 500;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** A one-line reason for a failed file operation, without host paths. */
function reasonOf(error: unknown): string {
  switch (codeOf(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file';
    case 'EISDIR':
      return 'is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the disk';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return codeOf(error) ? `failed (${codeOf(error)})` : 'failed';
  }
}

/** Decodes UTF-8 strictly: a file that is not text is refused rather than shown as mojibake. */
function decodeText(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** JSON syntax for every `.json` file; the mocks schema (docs/MOCKS.md) for `*.mocks.json`. */
export const jsonChecker: WorkspaceChecker = {
  appliesTo: (path) => path.endsWith('.json'),
  check(path, text) {
    const parsed = parseJson(text);
    if (!parsed.ok) return [{ path, ...parsed.place, message: `not valid JSON: ${parsed.message}` }];
    if (!path.endsWith('.mocks.json')) return [];
    try {
      checkMocks(parsed.value, '\u0000');
      return [];
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).replace(/^\u0000: /, '');
      const at = /^([^\s:]+)/.exec(message)?.[1] ?? '';
      const place = at === '(top' ? { line: 1, column: 1 } : placeOfPath(text, at);
      return [{ path, ...place, message }];
    }
  },
};

/**
 * Private keys the studio keeps in the workspace (docs/EXPORT.md): main signs with them, but the
 * renderer can neither list, read nor overwrite them, so a compromised page cannot leak one.
 */
export const SECRET_FILES: ReadonlySet<string> = new Set(['.capsule/signing-key.pem']);

function refuseSecret(rel: string): void {
  if (SECRET_FILES.has(rel)) throw new WorkspaceError(`${rel} is a private signing key: the studio never opens it (docs/EXPORT.md)`);
}

/** Formats a problem the way editors and compilers do: `file:line:column: message`. */
export function formatProblem(p: WorkspaceProblem): string {
  return `${p.path}:${p.line}:${p.column}: ${p.message}`;
}

export class WorkspaceService {
  private root: string | null = null;
  /** A folder being opened: `state()` answers for it once it is open (the window may ask first). */
  private opening: Promise<unknown> | null = null;
  private readonly checkers: WorkspaceChecker[] = [jsonChecker];
  private readonly maxFiles: number;
  /** Serialises journal and file writes per path, so a slow write never lands after a newer one. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly events: EventHub,
    private readonly options: WorkspaceServiceOptions = {},
  ) {
    this.maxFiles = options.maxFiles ?? 5000;
  }

  /** The open folder's real path (host side only; the renderer is told its name). */
  get rootPath(): string | null {
    return this.root;
  }

  /** Adds a checker for a kind of workspace file (e.g. scenarios). */
  addChecker(checker: WorkspaceChecker): void {
    this.checkers.push(checker);
  }

  /**
   * Opens a folder chosen on the host side (launch flag, dialog, remembered folder) and tells
   * the renderer. Throws a {@link WorkspaceError} when it is not a readable folder.
   */
  async open(folder: string): Promise<WorkspaceState> {
    const opening = this.openNow(folder);
    this.opening = opening;
    try {
      return await opening;
    } finally {
      if (this.opening === opening) this.opening = null;
    }
  }

  private async openNow(folder: string): Promise<WorkspaceState> {
    let real: string;
    try {
      real = await realpath(folder);
      if (!(await stat(real)).isDirectory()) throw new WorkspaceError(`${basename(folder)} is not a folder`);
    } catch (error) {
      if (error instanceof WorkspaceError) throw error;
      throw new WorkspaceError(`cannot open the folder ${basename(folder)}: ${reasonOf(error)}`);
    }
    this.root = real;
    this.options.onOpened?.(real);
    const state = await this.currentState();
    this.events.emit('workspace.changed', state);
    return state;
  }

  /** `workspace.openFolder`: the host's folder picker; null when the user cancels. */
  async openFolder(params: unknown): Promise<WorkspaceState | null> {
    if (params !== undefined && params !== null) throw new WorkspaceError('This method takes no parameters');
    if (!this.options.pickFolder) {
      throw new WorkspaceError('In browser mode the workspace is the folder given at launch: npm run start:web -- --workspace DIR');
    }
    const folder = await this.options.pickFolder();
    return folder === null ? null : this.open(folder);
  }

  /** `workspace.state`: the folder's name, files, problems in its files, and edits to recover. */
  async state(): Promise<WorkspaceState> {
    await this.opening?.catch(() => {});
    return this.currentState();
  }

  private async currentState(): Promise<WorkspaceState> {
    const root = this.root;
    if (root === null) return { name: null, id: null, files: [], truncated: false, problems: [], recovered: [] };
    const { files, truncated, temps } = await this.walk(root);
    await Promise.all(temps.map((t) => unlink(t).catch(() => {})));
    const problems: WorkspaceProblem[] = [];
    for (const entry of files) {
      if (entry.type !== 'file' || !this.checkers.some((c) => c.appliesTo(entry.path))) continue;
      problems.push(...(await this.checkFile(root, entry.path)));
    }
    const recovered = await this.readJournal(root, problems);
    const id = createHash('sha256').update(root).digest('hex').slice(0, 16);
    return { name: basename(root), id, files, truncated, problems, recovered };
  }

  /** `workspace.read`: a text file of the workspace. */
  async read(params: unknown): Promise<{ path: string; text: string }> {
    const root = this.requireRoot();
    const { rel, abs } = await this.resolve(root, isObject(params) ? params.path : undefined, 'read');
    refuseSecret(rel);
    const text = await this.readText(abs, rel);
    return { path: rel, text };
  }

  /** `workspace.write`: replaces (or creates) a text file atomically; returns its problems after the write. */
  async write(params: unknown): Promise<{ path: string; bytes: number; problems: WorkspaceProblem[] }> {
    const root = this.requireRoot();
    if (!isObject(params)) throw new WorkspaceError('parameters must be an object { path, text }');
    if (typeof params.text !== 'string') throw new WorkspaceError('text must be a string');
    const text = params.text;
    if (Buffer.byteLength(text) > MAX_TEXT_BYTES) throw new WorkspaceError(`the file is too large to save from the studio (over ${MAX_TEXT_BYTES / 1024 / 1024} MB)`);
    const { rel, abs } = await this.resolve(root, params.path, 'write');
    refuseSecret(rel);
    return this.serial(rel, async () => {
      await this.atomicWrite(abs, rel, text);
      // a saved file has nothing left to recover
      await unlink(this.journalPath(root, rel)).catch(() => {});
      return { path: rel, bytes: Buffer.byteLength(text), problems: this.checkText(rel, text) };
    });
  }

  /**
   * `workspace.journal`: keeps (text) or forgets (null) the unsaved text of a file so it survives
   * a renderer reload or a restart of main.
   */
  async journal(params: unknown): Promise<null> {
    const root = this.requireRoot();
    if (!isObject(params) || (typeof params.text !== 'string' && params.text !== null)) {
      throw new WorkspaceError('parameters must be { path, text: string | null }');
    }
    const text = params.text;
    if (text !== null && Buffer.byteLength(text) > MAX_TEXT_BYTES) throw new WorkspaceError('the unsaved text is too large to keep');
    const { rel, abs } = await this.resolve(root, params.path, 'write');
    refuseSecret(rel);
    const file = this.journalPath(root, rel);
    await this.serial(rel, async () => {
      if (text === null) {
        await unlink(file).catch((error: unknown) => {
          if (codeOf(error) !== 'ENOENT') throw error;
        });
        return;
      }
      let base: string | null = null;
      try {
        base = sha256(await readFile(abs, 'utf8'));
      } catch {
        base = null; // a file not saved yet
      }
      await mkdir(dirname(file), { recursive: true });
      const entry = { version: 1, path: rel, text, base, time: Date.now() };
      await this.atomicWrite(file, `${RECOVERY_DIR}/${basename(file)}`, JSON.stringify(entry));
    });
    return null;
  }

  /** `workspace.search`: plain-text search over the workspace's text files. */
  async search(params: unknown): Promise<WorkspaceSearchResult> {
    const root = this.requireRoot();
    const p = checkSearch(params);
    const { files } = await this.walk(root);
    const matches: WorkspaceSearchMatch[] = [];
    let searched = 0;
    let truncated = false;
    for (const entry of files) {
      if (entry.type !== 'file') continue;
      let text: string;
      try {
        text = await this.readText(join(root, ...entry.path.split('/')), entry.path);
      } catch {
        continue; // binary or too large: not searched
      }
      searched++;
      for (const match of searchText(entry.path, text, p)) {
        if (matches.length >= MAX_SEARCH_MATCHES) {
          truncated = true;
          break;
        }
        matches.push(match);
      }
      if (truncated) break;
    }
    return { matches, truncated, searchedFiles: searched };
  }

  /**
   * Host side only (never a bridge method): the bytes of a workspace file, e.g. a signing key the
   * renderer may not read. Same path rules as `workspace.read`; throws {@link WorkspaceError}.
   */
  async readBytes(path: string, maxBytes?: number): Promise<Buffer> {
    const { rel, abs } = await this.resolve(this.requireRoot(), path, 'read');
    try {
      if (maxBytes !== undefined) {
        const info = await stat(abs);
        if (info.isDirectory()) throw new WorkspaceError(`cannot read ${rel}: it is a folder`);
        if (info.size > maxBytes) throw new WorkspaceError(`${rel} is too large (${(info.size / 1024 / 1024).toFixed(1)} MB, at most ${maxBytes / 1024 / 1024} MB)`);
      }
      return await readFile(abs);
    } catch (error) {
      if (error instanceof WorkspaceError) throw error;
      throw new WorkspaceError(`cannot read ${rel}: ${reasonOf(error)}`);
    }
  }

  /** Host side only: whether a workspace path names an existing file. */
  async isFile(path: string): Promise<boolean> {
    const { abs } = await this.resolve(this.requireRoot(), path, 'read');
    return stat(abs).then(
      (info) => info.isFile(),
      () => false,
    );
  }

  /**
   * Host side only: writes bytes (or text) atomically, as `workspace.write` does, e.g. an exported
   * artifact or a new signing key (`mode` 0o600). Same path rules; returns the normalised path.
   */
  async writeBytes(path: string, data: string | Uint8Array, options: { mode?: number } = {}): Promise<string> {
    const root = this.requireRoot();
    const { rel, abs } = await this.resolve(root, path, 'write');
    await this.serial(rel, () => this.atomicWrite(abs, rel, data, options.mode));
    return rel;
  }

  private requireRoot(): string {
    if (this.root === null) throw new WorkspaceError('No folder is open');
    return this.root;
  }

  private async resolve(root: string, path: unknown, access: 'read' | 'write'): Promise<{ rel: string; abs: string }> {
    try {
      return await resolveInside(root, path, access);
    } catch (error) {
      if (error instanceof WorkspacePathError) throw new WorkspaceError(error.message);
      throw error;
    }
  }

  private async serial<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => {});
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return next;
  }

  private async readText(abs: string, rel: string): Promise<string> {
    let info;
    try {
      info = await stat(abs);
    } catch (error) {
      throw new WorkspaceError(`cannot read ${rel}: ${reasonOf(error)}`);
    }
    if (info.isDirectory()) throw new WorkspaceError(`cannot read ${rel}: it is a folder`);
    if (info.size > MAX_TEXT_BYTES) throw new WorkspaceError(`${rel} is too large to open in the studio (${(info.size / 1024 / 1024).toFixed(1)} MB)`);
    let bytes: Buffer;
    try {
      bytes = await readFile(abs);
    } catch (error) {
      throw new WorkspaceError(`cannot read ${rel}: ${reasonOf(error)}`);
    }
    const text = decodeText(bytes);
    if (text === null) throw new WorkspaceError(`${rel} is not a UTF-8 text file`);
    return text;
  }

  /** Temporary file in the same folder, flushed, renamed over the target (keeping its mode). */
  private async atomicWrite(abs: string, rel: string, data: string | Uint8Array, newMode?: number): Promise<void> {
    const dir = dirname(abs);
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw new WorkspaceError(`cannot save ${rel}: ${reasonOf(error)}`);
    }
    let mode = newMode ?? 0o644;
    try {
      const existing = await lstat(abs);
      if (existing.isDirectory()) throw new WorkspaceError(`cannot save ${rel}: it is a folder`);
      if (existing.isFile() && newMode === undefined) mode = existing.mode & 0o777;
    } catch (error) {
      if (error instanceof WorkspaceError) throw error;
    }
    const temp = join(dir, `.${basename(abs)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
    try {
      const handle = await open(temp, 'wx', mode);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.options.beforeRename?.(temp);
      await rename(temp, abs);
    } catch (error) {
      await unlink(temp).catch(() => {});
      if (error instanceof WorkspaceError) throw error;
      throw new WorkspaceError(`cannot save ${rel}: ${reasonOf(error)}`);
    }
    // the rename itself is durable once the folder is flushed (not possible on every OS)
    const folder = await open(dir, 'r').catch(() => null);
    await folder?.sync().catch(() => {});
    await folder?.close();
  }

  private journalPath(root: string, rel: string): string {
    return join(root, ...RECOVERY_DIR.split('/'), `${sha256(rel).slice(0, 24)}.json`);
  }

  /** Journalled edits to hand back; unreadable journal files become problems and are set aside. */
  private async readJournal(root: string, problems: WorkspaceProblem[]): Promise<RecoveredEdit[]> {
    const dir = join(root, ...RECOVERY_DIR.split('/'));
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    } catch {
      return [];
    }
    const recovered: RecoveredEdit[] = [];
    for (const name of names) {
      const file = join(dir, name);
      let entry: { path: string; text: string; base: string | null; time: number } | null = null;
      try {
        const parsed = parseJson(await readFile(file, 'utf8'));
        const v = parsed.ok ? parsed.value : null;
        if (isObject(v) && typeof v.path === 'string' && typeof v.text === 'string' && typeof v.time === 'number') {
          entry = { path: normalizeRelative(v.path), text: v.text, base: typeof v.base === 'string' ? v.base : null, time: v.time };
          if (name !== basename(this.journalPath(root, entry.path))) entry = null;
        }
      } catch {
        entry = null;
      }
      if (entry === null) {
        problems.push({ path: `${RECOVERY_DIR}/${name}`, line: 1, column: 1, message: 'a recovery file is damaged and was set aside (renamed to .damaged)' });
        await rename(file, `${file}.damaged`).catch(() => {});
        continue;
      }
      let current: string | null = null;
      try {
        current = await readFile(join(root, ...entry.path.split('/')), 'utf8');
      } catch {
        current = null;
      }
      if (current === entry.text) {
        await unlink(file).catch(() => {}); // saved after all
        continue;
      }
      const changedOnDisk = (current === null ? null : sha256(current)) !== entry.base;
      recovered.push({ path: entry.path, text: entry.text, time: entry.time, changedOnDisk });
    }
    return recovered;
  }

  private checkText(rel: string, text: string): WorkspaceProblem[] {
    const problems: WorkspaceProblem[] = [];
    for (const checker of this.checkers) {
      if (!checker.appliesTo(rel)) continue;
      try {
        problems.push(...checker.check(rel, text));
      } catch (error) {
        console.error(`capsule: checker failed on ${rel}`, error);
      }
    }
    return problems;
  }

  private async checkFile(root: string, rel: string): Promise<WorkspaceProblem[]> {
    const abs = join(root, ...rel.split('/'));
    try {
      const info = await stat(abs);
      if (info.size > MAX_CHECK_BYTES) return [];
      const text = decodeText(await readFile(abs));
      if (text === null) return [{ path: rel, line: 1, column: 1, message: 'not a UTF-8 text file' }];
      return this.checkText(rel, text);
    } catch (error) {
      return [{ path: rel, line: 1, column: 1, message: `cannot read: ${reasonOf(error)}` }];
    }
  }

  /**
   * Lists files and folders breadth-first, sorted folders first. Hidden folders, links leading
   * outside the root, links to folders (no cycles) and names the studio refuses are left out;
   * leftover temporary files of an interrupted write are collected for removal.
   */
  private async walk(root: string): Promise<{ files: WorkspaceEntry[]; truncated: boolean; temps: string[] }> {
    const files: WorkspaceEntry[] = [];
    const temps: string[] = [];
    let truncated = false;
    const queue: string[] = [''];
    while (queue.length > 0 && !truncated) {
      const dirRel = queue.shift()!;
      let entries;
      try {
        entries = await readdir(dirRel === '' ? root : join(root, ...dirRel.split('/')), { withFileTypes: true });
      } catch {
        continue; // unreadable folder: the rest still opens
      }
      entries.sort((a, b) => Number(b.isDirectory()) - Number(a.isDirectory()) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const rel = dirRel === '' ? entry.name : `${dirRel}/${entry.name}`;
        if (entry.name.endsWith(TEMP_SUFFIX)) {
          temps.push(join(root, ...rel.split('/')));
          continue;
        }
        try {
          normalizeRelative(rel);
        } catch {
          continue;
        }
        if (isUnder(rel, HIDDEN_DIRS) || SECRET_FILES.has(rel)) continue;
        let isDir = entry.isDirectory();
        if (entry.isSymbolicLink()) {
          try {
            await resolveInside(root, rel, 'read');
            isDir = (await stat(join(root, ...rel.split('/')))).isDirectory();
          } catch {
            continue;
          }
          if (isDir) continue;
        } else if (!isDir && !entry.isFile()) {
          continue; // sockets, fifos, devices
        }
        if (files.length >= this.maxFiles) {
          truncated = true;
          break;
        }
        files.push({ path: rel, type: isDir ? 'directory' : 'file' });
        if (isDir) queue.push(rel);
      }
    }
    files.sort((a, b) => compareEntries(a, b));
    return { files, truncated, temps };
  }
}

/** Tree order: a folder's entries right after it, folders before files, by name. */
function compareEntries(a: WorkspaceEntry, b: WorkspaceEntry): number {
  const as = a.path.split('/');
  const bs = b.path.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    if (as[i] === bs[i]) continue;
    const aDir = i < as.length - 1 || a.type === 'directory';
    const bDir = i < bs.length - 1 || b.type === 'directory';
    if (aDir !== bDir) return aDir ? -1 : 1;
    return as[i]! < bs[i]! ? -1 : 1;
  }
  return as.length - bs.length;
}

function checkSearch(params: unknown): WorkspaceSearchParams {
  if (!isObject(params) || typeof params.query !== 'string') throw new WorkspaceError('parameters must be { query: string }');
  if (params.query.length === 0 || params.query.length > MAX_QUERY) throw new WorkspaceError(`the query must have 1 to ${MAX_QUERY} characters`);
  for (const flag of ['caseSensitive', 'wholeWord'] as const) {
    if (params[flag] !== undefined && typeof params[flag] !== 'boolean') throw new WorkspaceError(`${flag} must be a boolean`);
  }
  return { query: params.query, caseSensitive: params.caseSensitive === true, wholeWord: params.wholeWord === true };
}

const WORD = /[\p{L}\p{N}_$]/u;

/**
 * Matches of a plain-text query in one file, one per occurrence, with the line around it.
 * (The renderer uses the same rules for documents with unsaved edits.)
 */
export function searchText(path: string, text: string, p: WorkspaceSearchParams): WorkspaceSearchMatch[] {
  const query = p.caseSensitive ? p.query : p.query.toLowerCase();
  const matches: WorkspaceSearchMatch[] = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.replace(/\r$/, '');
    const hay = p.caseSensitive ? line : line.toLowerCase();
    for (let at = hay.indexOf(query); at !== -1; at = hay.indexOf(query, at + Math.max(1, query.length))) {
      if (p.wholeWord && (WORD.test(line[at - 1] ?? '') || WORD.test(line[at + query.length] ?? ''))) continue;
      matches.push({ path, line: n + 1, column: at + 1, length: query.length, preview: line.length > 400 ? line.slice(Math.max(0, at - 100), at + 300) : line, previewColumn: line.length > 400 ? Math.min(at, 100) + 1 : at + 1 });
      if (matches.length >= MAX_SEARCH_MATCHES) return matches;
    }
  }
  return matches;
}
