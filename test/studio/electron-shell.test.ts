/**
 * The Electron shell's wiring, against a stand-in `electron` module: the window's secure
 * webPreferences, navigation/new-window/permission/request blocking, and the IPC sender check.
 * This runs everywhere; the real app is covered by test/e2e/electron.e2e.ts where Electron exists.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, REQUEST_CHANNEL, type EventMessage, type WorkspaceState } from '../../preload/api';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appHandlers = new Map<string, Handler>();
  const state = {
    appHandlers,
    windowOptions: null as null | { webPreferences: Record<string, unknown> },
    loadedUrl: '',
    ipcChannel: '',
    ipcHandler: null as Handler | null,
    permissionHandler: null as Handler | null,
    beforeRequest: null as Handler | null,
    webContents: { send: (_channel: string, _message: unknown) => {}, isMainWindow: true },
    enableSandbox: 0,
    menu: [] as { label?: string; role?: string; submenu?: { label?: string; accelerator?: string; click?: () => void }[] }[],
    userData: '',
    picked: null as string | null,
  };
  class BrowserWindow {
    webContents = state.webContents;
    constructor(options: { webPreferences: Record<string, unknown> }) {
      state.windowOptions = options;
    }
    once() {}
    on() {}
    show() {}
    isMinimized() {
      return false;
    }
    async loadURL(url: string) {
      state.loadedUrl = url;
    }
  }
  const electron = {
    app: {
      isPackaged: false,
      getPath: () => state.userData,
      getAppPath: () => process.cwd(),
      enableSandbox: () => void state.enableSandbox++,
      requestSingleInstanceLock: () => true,
      on: (name: string, handler: Handler) => void appHandlers.set(name, handler),
      quit: () => {},
      whenReady: () => Promise.resolve(),
    },
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: typeof state.menu) => template,
      setApplicationMenu: (menu: typeof state.menu) => void (state.menu = menu),
    },
    dialog: {
      showOpenDialog: async () => (state.picked === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [state.picked] }),
    },
    ipcMain: {
      handle: (channel: string, handler: Handler) => {
        state.ipcChannel = channel;
        state.ipcHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Handler) => void (state.permissionHandler = handler),
        setPermissionCheckHandler: () => {},
        webRequest: { onBeforeRequest: (handler: Handler) => void (state.beforeRequest = handler) },
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);

const { state } = fake;

beforeAll(async () => {
  delete process.env['ELECTRON_RENDERER_URL'];
  state.userData = mkdtempSync(join(tmpdir(), 'capsule-userdata-'));
  await import('../../main/index');
  await vi.waitFor(() => expect(state.windowOptions).not.toBeNull());
});

describe('Electron shell', () => {
  it('sandboxes every renderer and opens one locked-down window on the built page', () => {
    expect(state.enableSandbox).toBe(1);
    expect(state.windowOptions?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(state.windowOptions?.webPreferences['preload'])).toMatch(/preload[/\\]index\.cjs$/);
    expect(state.loadedUrl).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
  });

  it('blocks navigation away from the app, new windows and webviews', () => {
    const listeners = new Map<string, Handler>();
    let openHandler: Handler | null = null;
    const contents = {
      on: (name: string, listener: Handler) => void listeners.set(name, listener),
      setWindowOpenHandler: (handler: Handler) => void (openHandler = handler),
    };
    state.appHandlers.get('web-contents-created')?.({}, contents);

    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      listeners.get('will-navigate')?.(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(state.loadedUrl)).toBe(false);

    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(openHandler).not.toBeNull();
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('denies permissions and cancels requests for anything but the app bundle', () => {
    const granted = vi.fn();
    state.permissionHandler?.(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);

    const decide = (url: string) => {
      let verdict: unknown;
      state.beforeRequest?.({ url }, (response: unknown) => (verdict = response));
      return verdict;
    };
    expect(decide('https://cdn.example.com/x.js')).toEqual({ cancel: true });
    expect(decide(state.loadedUrl.replace('index.html', 'assets/index.js'))).toEqual({ cancel: false });
  });

  it('answers IPC only from the main window top frame showing the app page', async () => {
    expect(state.ipcChannel).toBe(REQUEST_CHANNEL);
    const call = (event: unknown) => state.ipcHandler!(event, 'app.info', undefined);
    const trusted = { sender: state.webContents, senderFrame: { parent: null, url: state.loadedUrl } };

    await expect(call(trusted)).resolves.toMatchObject({ ok: true, result: { mode: 'electron' } });
    const refused = { ok: false, error: { message: 'Request refused: unknown sender' } };
    expect(await call({ ...trusted, sender: { other: true } })).toEqual(refused);
    expect(await call({ ...trusted, senderFrame: { parent: {}, url: state.loadedUrl } })).toEqual(refused);
    expect(await call({ ...trusted, senderFrame: { parent: null, url: 'https://evil.example/' } })).toEqual(refused);
    expect(await call({ ...trusted, senderFrame: null })).toEqual(refused);
  });

  it('opens the examples workspace at start (unpackaged), and another folder from File › Open Folder…', async () => {
    const trusted = { sender: state.webContents, senderFrame: { parent: null, url: state.loadedUrl } };
    const initial = (await state.ipcHandler!(trusted, 'workspace.state', undefined)) as { ok: true; result: WorkspaceState };
    expect(initial.result.name).toBe('examples');
    expect(initial.result.files.map((f) => f.path)).toContain('incident-triage.js');

    const file = state.menu.find((m) => m.label === 'File');
    const open = file?.submenu?.find((m) => m.label === 'Open Folder…');
    expect(open?.accelerator).toBe('CmdOrCtrl+O');

    const other = mkdtempSync(join(tmpdir(), 'capsule-picked-'));
    writeFileSync(join(other, 'hello.js'), '1 + 1\n');
    const sent: EventMessage[] = [];
    state.webContents.send = (_channel, message) => void sent.push(message as EventMessage);
    state.picked = other;
    open!.click!();
    await vi.waitFor(() => expect(sent.some((m) => m.event === 'workspace.changed')).toBe(true));
    const changed = sent.find((m) => m.event === 'workspace.changed')!.payload as WorkspaceState;
    expect(changed.files).toEqual([{ path: 'hello.js', type: 'file' }]);
    // remembered for the next start
    expect(JSON.parse(readFileSync(join(state.userData, 'workspace.json'), 'utf8'))).toMatchObject({ folder: expect.stringContaining('capsule-picked-') });
    expect(EVENT_CHANNEL).toBe('capsule:event');

    // the renderer's own "Open Folder" goes through the same picker; cancelling answers null
    state.picked = null;
    expect(await state.ipcHandler!(trusted, 'workspace.openFolder', undefined)).toEqual({ ok: true, result: null });
  });

  it('File › Export… asks the renderer to open its Export dialog', () => {
    const exportItem = state.menu.find((m) => m.label === 'File')?.submenu?.find((m) => m.label === 'Export…');
    expect(exportItem?.accelerator).toBe('CmdOrCtrl+Shift+E');
    const sent: EventMessage[] = [];
    state.webContents.send = (_channel, message) => void sent.push(message as EventMessage);
    exportItem!.click!();
    expect(sent).toEqual([{ event: 'app.command', payload: { command: 'export' } }]);
  });
});
