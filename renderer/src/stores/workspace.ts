/**
 * The workspace store: files, open tabs, documents and the active one.
 *
 * Skeleton: the bundled example only. The workspace service (main/services/workspace.ts)
 * replaces the internals; the exported names stay.
 */
import { reactive } from 'vue';
import exampleSource from '../../../examples/incident-triage.js?raw';
import { api } from './bridge';

/** One open document: its current text and the text last saved. */
export interface Document {
  text: string;
  savedText: string;
}

export const workspace = reactive({
  /** Workspace-relative paths of the files the explorer shows. */
  files: ['incident-triage.js'] as string[],
  /** Open tabs, by path, in display order. */
  tabs: ['incident-triage.js'] as string[],
  /** The path of the active tab. */
  active: 'incident-triage.js' as string | null,
});

/** Open documents by path. */
export const documents = reactive(new Map<string, Document>([['incident-triage.js', { text: exampleSource, savedText: exampleSource }]]));

/** The active document with its path, or null when no tab is open. */
export function activeDocument(): (Document & { path: string }) | null {
  const path = workspace.active;
  const doc = path === null ? undefined : documents.get(path);
  return path !== null && doc ? { path, ...doc } : null;
}

/** Opens (or focuses) a file in a tab. */
export function openFile(path: string): void {
  if (!workspace.tabs.includes(path)) workspace.tabs.push(path);
  workspace.active = path;
}

/** Records an edit of a document (the editor calls this on every change). */
export function setText(path: string, text: string): void {
  const doc = documents.get(path);
  if (doc) doc.text = text;
}

/** Closes a tab; the neighbour becomes active. */
export function closeTab(path: string): void {
  const index = workspace.tabs.indexOf(path);
  if (index < 0) return;
  workspace.tabs.splice(index, 1);
  if (workspace.active === path) workspace.active = workspace.tabs[Math.min(index, workspace.tabs.length - 1)] ?? null;
}

/** The file name of a path (tab titles, editor labels). */
export function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

/** The text of a workspace file: the open document's (unsaved edits included), else from disk. */
export async function readFile(path: string): Promise<string> {
  const doc = documents.get(path);
  if (doc) return doc.text;
  return (await api().invoke('workspace.read', { path })).text;
}

/** Writes a workspace file from another view (e.g. the capabilities view saving a mocks file). */
export async function writeFile(path: string, text: string): Promise<void> {
  const doc = documents.get(path);
  if (doc) {
    doc.text = text;
    doc.savedText = text;
  }
  await api().invoke('workspace.write', { path, text });
}
