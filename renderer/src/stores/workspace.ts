/**
 * The workspace store: the open folder's files, the open tabs, their documents, saving.
 *
 * Everything on disk goes through the workspace service in main (main/services/workspace.ts):
 * files are read when a tab opens, saved atomically with Ctrl/Cmd+S or by auto save, and
 * unsaved text is journalled in main a moment after each edit, so a renderer reload or a
 * restart of main hands it back (`recovered` in the workspace state). docs/WORKSPACE.md.
 */
import { computed, reactive, watch } from 'vue';
import type { CapsuleApi, WorkspaceEntry, WorkspaceProblem, WorkspaceState } from '../../../preload/api';
import { maybeApi, messageOf, whenConnected } from './bridge';
import { problems } from './problems';

/** One open document: its current text and the text last saved (equal when it is clean). */
export interface Document {
  text: string;
  savedText: string;
  /** The file does not exist on disk yet (a recovered edit of a new file). */
  isNew?: boolean;
}

/** A message above the editor: what was restored, what failed to save. */
export interface WorkspaceNotice {
  level: 'info' | 'warning' | 'error';
  text: string;
}

/** Delay after the last edit before auto save writes the file. */
export const AUTO_SAVE_DELAY_MS = 1000;
/** Delay after the last edit before the unsaved text is journalled for crash recovery. */
export const JOURNAL_DELAY_MS = 300;

const AUTO_SAVE_KEY = 'capsule.autoSave';

function storedAutoSave(): boolean {
  try {
    return localStorage.getItem(AUTO_SAVE_KEY) !== 'off';
  } catch {
    return true;
  }
}

export const workspace = reactive({
  /** The folder's name; null when none is open (or before the first answer from main). */
  name: null as string | null,
  /** Which folder is open (main's digest of its path); null when none is. */
  id: null as string | null,
  /** Whether the first state arrived from main. */
  loaded: false,
  /** Workspace-relative paths of the files (not folders), in tree order. */
  files: [] as string[],
  /** Files and folders, in tree order. */
  entries: [] as WorkspaceEntry[],
  /** More files than listed. */
  truncated: false,
  /** Problems in workspace files (malformed JSON, mocks breaking their schema), by file and place. */
  problems: [] as WorkspaceProblem[],
  /** Open tabs, by path, in display order. */
  tabs: [] as string[],
  /** The path of the active tab. */
  active: null as string | null,
  /** Save files a second after the last edit. */
  autoSave: storedAutoSave(),
  notices: [] as WorkspaceNotice[],
});

/** Open documents by path. */
export const documents = reactive(new Map<string, Document>());

/** The active document with its path, or null when no tab is open. */
export function activeDocument(): (Document & { path: string }) | null {
  const path = workspace.active;
  const doc = path === null ? undefined : documents.get(path);
  return path !== null && doc ? { path, ...doc } : null;
}

/** The file name of a path (tab titles, editor labels). */
export function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

/** Whether a document has unsaved changes. */
export function isDirty(path: string): boolean {
  const doc = documents.get(path);
  return doc !== undefined && (doc.text !== doc.savedText || doc.isNew === true);
}

/** Paths of the open documents with unsaved changes. */
export const dirtyPaths = computed(() => [...documents.keys()].filter(isDirty));

/** Problems of one workspace file. */
export function problemsOf(path: string): WorkspaceProblem[] {
  return workspace.problems.filter((p) => p.path === path);
}

function notify(level: WorkspaceNotice['level'], text: string): void {
  // the same news twice (e.g. a reconnect that reloads the state) is shown once
  if (workspace.notices.some((n) => n.level === level && n.text === text)) return;
  workspace.notices.push({ level, text });
  if (workspace.notices.length > 5) workspace.notices.splice(0, workspace.notices.length - 5);
}

/** Dismisses one notice. */
export function dismissNotice(index: number): void {
  workspace.notices.splice(index, 1);
}

function bridgeOrNull(): CapsuleApi | null {
  return maybeApi();
}

// ---- loading ----------------------------------------------------------------------------

const TABS_KEY = (name: string) => `capsule.tabs:${name}`;

function rememberTabs(): void {
  if (workspace.name === null) return;
  try {
    localStorage.setItem(TABS_KEY(workspace.name), JSON.stringify({ tabs: workspace.tabs, active: workspace.active }));
  } catch {
    // storage unavailable: tabs are simply not remembered
  }
}

function rememberedTabs(name: string): { tabs: string[]; active: string | null } | null {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(TABS_KEY(name)) ?? 'null');
    if (raw === null || typeof raw !== 'object') return null;
    const { tabs, active } = raw as { tabs?: unknown; active?: unknown };
    if (!Array.isArray(tabs) || !tabs.every((t) => typeof t === 'string')) return null;
    return { tabs, active: typeof active === 'string' ? active : null };
  } catch {
    return null;
  }
}

/** Files to open when nothing else is: `.capsule/settings.json` `openOnStart`, else the first script. */
async function startingFiles(bridge: CapsuleApi): Promise<string[]> {
  if (workspace.files.includes('.capsule/settings.json')) {
    try {
      const { text } = await bridge.invoke('workspace.read', { path: '.capsule/settings.json' });
      const settings: unknown = JSON.parse(text);
      const open = (settings as { openOnStart?: unknown } | null)?.openOnStart;
      if (Array.isArray(open)) {
        const files = open.filter((p): p is string => typeof p === 'string' && workspace.files.includes(p));
        if (files.length > 0) return files;
      }
    } catch {
      // a malformed settings file is reported as a workspace problem; fall back below
    }
  }
  const script = workspace.files.find((p) => !p.includes('/') && p.endsWith('.js'));
  return script ? [script] : [];
}

/** Publishes workspace-file problems into the Problems panel (scripts get theirs from the validator). */
function publishProblems(list: readonly WorkspaceProblem[], paths: Iterable<string>): void {
  for (const path of paths) if (!path.endsWith('.js')) problems.delete(path);
  for (const p of list) {
    if (p.path.endsWith('.js')) continue;
    const entry = problems.get(p.path) ?? [];
    entry.push({ code: 'WORKSPACE', message: p.message, severity: 'error', from: 0, to: 0, line: p.line, column: p.column, endLine: p.line, endColumn: p.column });
    problems.set(p.path, entry);
  }
}

/** Bumped by every loadState: an older load still awaiting main gives way to the newer one. */
let loadGeneration = 0;

/**
 * Replaces everything with a workspace state from main: files, problems, recovered edits, tabs.
 * The folder already open, announced again (its opening at launch raced the first request, or
 * it was chosen again), only refreshes the listing: open documents and unsaved edits stay.
 */
export async function loadState(state: WorkspaceState): Promise<void> {
  if (workspace.loaded && state.id !== null && state.id === workspace.id) {
    applyListing(state);
    return;
  }
  const generation = ++loadGeneration;
  const superseded = (): boolean => generation !== loadGeneration;
  const bridge = bridgeOrNull();
  documents.clear();
  workspace.tabs = [];
  workspace.active = null;
  workspace.name = state.name;
  workspace.id = state.id;
  applyListing(state);
  workspace.loaded = true;
  if (state.name === null || !bridge) return;

  for (const edit of state.recovered) {
    let savedText = '';
    let isNew = false;
    try {
      savedText = (await bridge.invoke('workspace.read', { path: edit.path })).text;
    } catch {
      isNew = true;
    }
    if (superseded()) return;
    documents.set(edit.path, { text: edit.text, savedText, isNew });
    if (!workspace.tabs.includes(edit.path)) workspace.tabs.push(edit.path);
  }
  if (state.recovered.length > 0) {
    const names = state.recovered.map((e) => baseName(e.path)).join(', ');
    const changed = state.recovered.filter((e) => e.changedOnDisk).map((e) => baseName(e.path));
    notify(
      changed.length > 0 ? 'warning' : 'info',
      `Restored unsaved changes: ${names}.` + (changed.length > 0 ? ` ${changed.join(', ')} changed on disk since; saving will overwrite that.` : ' Save to keep them.'),
    );
  }
  const remembered = rememberedTabs(state.name);
  const wanted = remembered?.tabs.filter((t) => workspace.files.includes(t)) ?? (state.recovered.length > 0 ? [] : await startingFiles(bridge));
  for (const path of wanted) {
    if (superseded()) return;
    await openFile(path, { activate: false });
  }
  if (superseded()) return;
  const active = remembered?.active ?? state.recovered[0]?.path ?? wanted[0] ?? null;
  workspace.active = active !== null && workspace.tabs.includes(active) ? active : (workspace.tabs[0] ?? null);
}

/** Takes the files and problems of a state of the open folder (documents and tabs untouched). */
function applyListing(state: WorkspaceState): void {
  const previous = workspace.problems.map((p) => p.path);
  workspace.entries = state.files;
  workspace.files = state.files.filter((f) => f.type === 'file').map((f) => f.path);
  workspace.truncated = state.truncated;
  workspace.problems = state.problems;
  publishProblems(state.problems, previous);
}

/** Asks main for the workspace again (Refresh); open documents and their edits are kept. */
export async function refresh(): Promise<void> {
  const bridge = bridgeOrNull();
  if (!bridge) return;
  try {
    applyListing(await bridge.invoke('workspace.state'));
  } catch (error) {
    notify('error', `Could not refresh the workspace: ${messageOf(error)}`);
  }
}

/** Electron: the folder picker. Browser mode: main says how to pick a folder at launch. */
export async function openFolder(): Promise<void> {
  const bridge = bridgeOrNull();
  if (!bridge) return;
  if (dirtyPaths.value.length > 0) await saveAll();
  try {
    const state = await bridge.invoke('workspace.openFolder');
    if (state) await loadState(state);
  } catch (error) {
    notify('error', messageOf(error));
  }
}

// ---- tabs and documents --------------------------------------------------------------------

/**
 * Opens (or focuses) a file in a tab, reading it from the workspace the first time. A file
 * already open is activated at once (synchronously), so callers can reveal a position next.
 */
export async function openFile(path: string, options: { activate?: boolean } = {}): Promise<void> {
  const activate = options.activate ?? true;
  if (!documents.has(path)) {
    const bridge = bridgeOrNull();
    if (!bridge) return;
    try {
      const { text } = await bridge.invoke('workspace.read', { path });
      if (!documents.has(path)) documents.set(path, { text, savedText: text });
    } catch (error) {
      notify('error', messageOf(error));
      return;
    }
  }
  if (!workspace.tabs.includes(path)) workspace.tabs.push(path);
  if (activate) workspace.active = path;
  rememberTabs();
}

/** Records an edit of a document (the editor calls this on every change). */
export function setText(path: string, text: string): void {
  const doc = documents.get(path);
  if (!doc || doc.text === text) return;
  doc.text = text;
  scheduleJournal(path);
  if (workspace.autoSave) scheduleSave(path);
}

/**
 * Closes a tab; the neighbour becomes active. Unsaved changes are not lost: they stay in the
 * recovery journal unless `discard` is set (the user chose "Don't Save").
 */
export function closeTab(path: string, options: { discard?: boolean } = {}): void {
  const index = workspace.tabs.indexOf(path);
  if (index < 0) return;
  workspace.tabs.splice(index, 1);
  if (workspace.active === path) workspace.active = workspace.tabs[Math.min(index, workspace.tabs.length - 1)] ?? null;
  if (options.discard && isDirty(path)) void journal(path, null);
  cancelTimers(path);
  documents.delete(path);
  rememberTabs();
}

/** Activates a tab. */
export function activate(path: string): void {
  if (!workspace.tabs.includes(path)) return;
  workspace.active = path;
  rememberTabs();
}

// ---- saving, auto save, journal -------------------------------------------------------------

const saveTimers = new Map<string, ReturnType<typeof setTimeout>>();
const journalTimers = new Map<string, ReturnType<typeof setTimeout>>();
/** Per path, the save in flight: saves of one file never overlap. */
const saving = new Map<string, Promise<boolean>>();

function cancelTimers(path: string): void {
  clearTimeout(saveTimers.get(path));
  clearTimeout(journalTimers.get(path));
  saveTimers.delete(path);
  journalTimers.delete(path);
}

function scheduleSave(path: string): void {
  clearTimeout(saveTimers.get(path));
  saveTimers.set(
    path,
    setTimeout(() => {
      saveTimers.delete(path);
      if (workspace.autoSave && isDirty(path)) void save(path);
    }, AUTO_SAVE_DELAY_MS),
  );
}

function scheduleJournal(path: string): void {
  clearTimeout(journalTimers.get(path));
  journalTimers.set(
    path,
    setTimeout(() => {
      journalTimers.delete(path);
      const doc = documents.get(path);
      if (doc) void journal(path, isDirty(path) ? doc.text : null);
    }, JOURNAL_DELAY_MS),
  );
}

async function journal(path: string, text: string | null): Promise<void> {
  const bridge = bridgeOrNull();
  if (!bridge) return;
  try {
    await bridge.invoke('workspace.journal', { path, text });
  } catch (error) {
    notify('warning', `Unsaved changes of ${baseName(path)} could not be kept for recovery: ${messageOf(error)}`);
  }
}

/** Saves a document (the active one by default); false when it failed (the notice says why). */
export async function save(path: string | null = workspace.active): Promise<boolean> {
  if (path === null) return false;
  const pending = saving.get(path);
  if (pending) await pending.catch(() => false);
  const doc = documents.get(path);
  const bridge = bridgeOrNull();
  if (!doc || !bridge) return false;
  if (!isDirty(path)) return true;
  const text = doc.text;
  clearTimeout(saveTimers.get(path));
  clearTimeout(journalTimers.get(path));
  const work = (async () => {
    try {
      const result = await bridge.invoke('workspace.write', { path, text });
      doc.savedText = text;
      doc.isNew = false;
      // edits made while saving are still unsaved: keep journalling them
      if (doc.text !== text) scheduleJournal(path);
      const others = workspace.problems.filter((p) => p.path !== path);
      const previous = workspace.problems.map((p) => p.path);
      workspace.problems = [...others, ...result.problems];
      publishProblems(workspace.problems, previous);
      if (!workspace.files.includes(path)) await refresh();
      return true;
    } catch (error) {
      notify('error', `Could not save ${baseName(path)}: ${messageOf(error)}`);
      return false;
    }
  })();
  saving.set(path, work);
  try {
    return await work;
  } finally {
    if (saving.get(path) === work) saving.delete(path);
  }
}

/** Saves every document with unsaved changes. */
export async function saveAll(): Promise<boolean> {
  const results = await Promise.all(dirtyPaths.value.map((p) => save(p)));
  return results.every(Boolean);
}

/** Turns auto save on or off (remembered in this browser profile); turning it on saves now. */
export function setAutoSave(on: boolean): void {
  workspace.autoSave = on;
  try {
    localStorage.setItem(AUTO_SAVE_KEY, on ? 'on' : 'off');
  } catch {
    // not remembered
  }
  if (on) void saveAll();
}

// ---- files other stores read and write --------------------------------------------------------

/** The text of a workspace file: the open document's (unsaved edits included), else from disk. */
export async function readFile(path: string): Promise<string> {
  const doc = documents.get(path);
  if (doc) return doc.text;
  const bridge = bridgeOrNull();
  if (!bridge) throw new Error('Not connected to Capsule Studio');
  return (await bridge.invoke('workspace.read', { path })).text;
}

/**
 * Writes a workspace file from another view (e.g. the capabilities panel saving a mocks file):
 * an open document shows the new text; the file is saved at once.
 */
export async function writeFile(path: string, text: string): Promise<void> {
  const doc = documents.get(path);
  if (doc) {
    doc.text = text;
    if (!(await save(path))) throw new Error(`Could not save ${baseName(path)}`);
    return;
  }
  const bridge = bridgeOrNull();
  if (!bridge) throw new Error('Not connected to Capsule Studio');
  const result = await bridge.invoke('workspace.write', { path, text });
  const previous = workspace.problems.map((p) => p.path);
  workspace.problems = [...workspace.problems.filter((p) => p.path !== path), ...result.problems];
  publishProblems(workspace.problems, previous);
  if (!workspace.files.includes(path)) await refresh();
}

/** Creates a new, empty file and opens it. */
export async function createFile(path: string): Promise<boolean> {
  if (workspace.files.includes(path)) {
    await openFile(path);
    return true;
  }
  try {
    await writeFile(path, '');
    await openFile(path);
    return true;
  } catch (error) {
    notify('error', messageOf(error));
    return false;
  }
}

// ---- search ----------------------------------------------------------------------------------

export interface SearchHit {
  path: string;
  line: number;
  column: number;
  length: number;
  preview: string;
  previewColumn: number;
}

const WORD = /[\p{L}\p{N}_$]/u;

/** The same matching rules as main's search, for documents with unsaved edits. */
export function searchInText(path: string, text: string, query: string, caseSensitive: boolean, wholeWord: boolean): SearchHit[] {
  const q = caseSensitive ? query : query.toLowerCase();
  const hits: SearchHit[] = [];
  text.split('\n').forEach((raw, n) => {
    const line = raw.replace(/\r$/, '');
    const hay = caseSensitive ? line : line.toLowerCase();
    for (let at = hay.indexOf(q); at !== -1; at = hay.indexOf(q, at + Math.max(1, q.length))) {
      if (wholeWord && (WORD.test(line[at - 1] ?? '') || WORD.test(line[at + q.length] ?? ''))) continue;
      const long = line.length > 400;
      hits.push({ path, line: n + 1, column: at + 1, length: q.length, preview: long ? line.slice(Math.max(0, at - 100), at + 300) : line, previewColumn: long ? Math.min(at, 100) + 1 : at + 1 });
    }
  });
  return hits;
}

/** Searches the workspace: files on disk through main, documents with unsaved edits as they are now. */
export async function searchWorkspace(query: string, options: { caseSensitive?: boolean; wholeWord?: boolean } = {}): Promise<{ hits: SearchHit[]; truncated: boolean }> {
  const bridge = bridgeOrNull();
  if (!bridge) throw new Error('Not connected to Capsule Studio');
  const caseSensitive = options.caseSensitive === true;
  const wholeWord = options.wholeWord === true;
  const result = await bridge.invoke('workspace.search', { query, caseSensitive, wholeWord });
  const dirty = new Set(dirtyPaths.value);
  const hits = result.matches.filter((m) => !dirty.has(m.path));
  for (const path of dirty) hits.push(...searchInText(path, documents.get(path)!.text, query, caseSensitive, wholeWord));
  const order = new Map(workspace.files.map((p, i) => [p, i]));
  hits.sort((a, b) => (order.get(a.path) ?? 1e9) - (order.get(b.path) ?? 1e9) || a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
  return { hits, truncated: result.truncated };
}

// ---- start-up ----------------------------------------------------------------------------------

whenConnected((bridge) => {
  bridge.on('workspace.changed', (state) => void loadState(state));
  bridge
    .invoke('workspace.state')
    .then(loadState)
    .catch((error: unknown) => {
      workspace.loaded = true;
      notify('error', `Could not open the workspace: ${messageOf(error)}`);
    });
});

// Leaving the page (reload, close) flushes pending journal entries so nothing typed is lost.
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => {
    for (const [path, timer] of journalTimers) {
      clearTimeout(timer);
      const doc = documents.get(path);
      if (doc && isDirty(path)) void journal(path, doc.text);
    }
    journalTimers.clear();
  });
}

// The window title names the workspace and marks unsaved work, as desktop editors do.
watch(
  () => [workspace.name, workspace.active, dirtyPaths.value.length] as const,
  ([name, active]) => {
    if (typeof document === 'undefined') return;
    const file = active ? `${isDirty(active) ? '● ' : ''}${baseName(active)} — ` : '';
    document.title = `${file}${name ?? 'No folder'} — Capsule Studio`;
  },
);
