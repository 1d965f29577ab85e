/**
 * The workspace store keeps unsaved edits when main announces the folder that is already open
 * again: at launch in browser mode the folder's opening can race the page's first request, so
 * the page hears the same folder twice (the answer and `workspace.changed`), the second time
 * perhaps after the user started typing. Another folder still replaces the documents.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CapsuleApi, WorkspaceState } from '../../preload/api';
import { connect } from '../../renderer/src/stores/bridge';
import { documents, isDirty, loadState, setText, workspace } from '../../renderer/src/stores/workspace';

const DISK = 'const x = 1;\nx\n';

function stateOf(id: string, name = 'examples'): WorkspaceState {
  return { name, id, files: [{ path: 'a.js', type: 'file' }], truncated: false, problems: [], recovered: [] };
}

function fakeApi(first: WorkspaceState): CapsuleApi {
  return {
    invoke: async (method: string, params?: { path?: string }) => {
      if (method === 'app.info') return { appVersion: 'test', mode: 'browser', platform: 'linux', coreVersion: 'test' };
      if (method === 'workspace.state') return first;
      if (method === 'workspace.read' && params?.path === 'a.js') return { path: 'a.js', text: DISK };
      if (method === 'workspace.journal') return { ok: true };
      throw new Error(`unexpected ${method}`);
    },
    on: () => () => {},
  } as unknown as CapsuleApi;
}

describe('workspace store', () => {
  it('keeps unsaved edits when the open folder is announced again; another folder replaces them', async () => {
    (globalThis as { window?: unknown }).window = { capsule: fakeApi(stateOf('f1')) };
    await connect(); // the store asks for the state and opens the folder's script
    await vi.waitFor(() => expect(workspace.tabs).toEqual(['a.js']));
    setText('a.js', '// typed\n' + DISK);
    expect(isDirty('a.js')).toBe(true);

    // the same folder again (say with a new file): the listing updates, the edit stays
    await loadState({ ...stateOf('f1'), files: [...stateOf('f1').files, { path: 'b.js', type: 'file' }] });
    expect(workspace.files).toEqual(['a.js', 'b.js']);
    expect(workspace.tabs).toEqual(['a.js']);
    expect(documents.get('a.js')?.text).toBe('// typed\n' + DISK);
    expect(isDirty('a.js')).toBe(true);
    expect(workspace.active).toBe('a.js');

    // another folder (same name, another place): its own documents
    await loadState(stateOf('f2'));
    expect(documents.get('a.js')?.text).toBe(DISK);
    expect(isDirty('a.js')).toBe(false);
  });
});
