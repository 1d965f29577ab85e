/**
 * The Electron shell: one window, the security checklist's defaults, and IPC wired to the
 * Electron-free services. Everything a test or browser mode also needs lives in ./services.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNEL, REQUEST_CHANNEL, type Reply } from '../preload/api';
import { createServices } from './services';
import { electronSpawner } from './sidecar-spawner';
import { createUrlPolicy } from './url-policy';

// The dev server URL is only honoured in an unpackaged app, so a packaged build can never be
// pointed at remote content through the environment.
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const rendererUrl = devServerUrl ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
const policy = createUrlPolicy(rendererUrl);
const services = createServices({
  mode: 'electron',
  sessions: {
    spawner: electronSpawner(),
    entry: join(import.meta.dirname, 'sidecar.js'),
    warm: true,
  },
  workspace: { pickFolder, onOpened: rememberFolder },
  dialogs: { saveFile },
});
let mainWindow: BrowserWindow | null = null;

// Sandbox every renderer, including any the checks below fail to stop.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!policy.isAppPage(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!policy.isAppPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void services.dispose());
  void app.whenReady().then(start);
}

function start(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // No remote content: anything that is not the app's own bundle is cancelled before it leaves.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !policy.isAllowedRequest(details.url) }));

  ipcMain.handle(REQUEST_CHANNEL, (event, method: unknown, params: unknown): Promise<Reply> | Reply => {
    if (!isTrustedSender(event)) return { ok: false, error: { message: 'Request refused: unknown sender' } };
    return services.handle(method, params);
  });
  services.events.subscribe((message) => mainWindow?.webContents.send(EVENT_CHANNEL, message));

  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate()));
  // the window does not wait for the folder: its first workspace.state answers once it is open
  void openInitialFolder();
  createWindow();
}

/** Where the last opened folder is remembered between starts. */
const lastFolderFile = (): string => join(app.getPath('userData'), 'workspace.json');

function rememberFolder(folder: string): void {
  try {
    mkdirSync(app.getPath('userData'), { recursive: true });
    writeFileSync(lastFolderFile(), JSON.stringify({ folder }));
  } catch (error) {
    console.error('capsule: could not remember the workspace folder', error);
  }
}

/** `--workspace DIR`, else the folder open last time, else (unpackaged) the repository's examples/. */
async function openInitialFolder(): Promise<void> {
  const flag = process.argv.findIndex((a) => a === '--workspace' || a.startsWith('--workspace='));
  const given = flag === -1 ? undefined : process.argv[flag]!.includes('=') ? process.argv[flag]!.split('=').slice(1).join('=') : process.argv[flag + 1];
  let remembered: string | undefined;
  try {
    const saved: unknown = JSON.parse(readFileSync(lastFolderFile(), 'utf8'));
    if (saved !== null && typeof saved === 'object' && typeof (saved as { folder?: unknown }).folder === 'string') remembered = (saved as { folder: string }).folder;
  } catch {
    remembered = undefined;
  }
  // unpackaged, the app path is the project folder (where package.json is)
  const examples = join(app.getAppPath(), 'examples');
  const candidates = [given ? resolve(given) : undefined, remembered, !app.isPackaged && existsSync(examples) ? examples : undefined];
  for (const folder of candidates) {
    if (folder === undefined) continue;
    try {
      await services.workspace.open(folder);
      return;
    } catch (error) {
      console.error(`capsule: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** The host's folder picker, attached to the main window. */
async function pickFolder(): Promise<string | null> {
  const options: Electron.OpenDialogOptions = { title: 'Open Folder', properties: ['openDirectory', 'createDirectory'] };
  const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}

/** The host's save dialog, attached to the main window (exporting a mocks file). */
async function saveFile(suggestedName: string): Promise<string | null> {
  const options: Electron.SaveDialogOptions = { title: 'Export Mocks', defaultPath: suggestedName, filters: [{ name: 'Mocks files', extensions: ['json'] }] };
  const picked = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return picked.canceled || !picked.filePath ? null : picked.filePath;
}

/** File › Open Folder… opens the folder in main; the renderer hears `workspace.changed`. */
async function openFolderFromMenu(): Promise<void> {
  try {
    await services.workspace.openFolder(undefined);
  } catch (error) {
    services.events.emit('app.notice', { level: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

function menuTemplate(): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => void openFolderFromMenu() },
      // the renderer opens its Export dialog for the active script (docs/EXPORT.md)
      { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', click: () => services.events.emit('app.command', { command: 'export' }) },
      { type: 'separator' },
      process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []), file, { role: 'editMenu' }, view, { role: 'windowMenu' }];
}

/** Only the main window's top frame, showing the app's own page, may call services. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    mainWindow !== null &&
    event.sender === mainWindow.webContents &&
    frame !== null &&
    frame.parent === null &&
    policy.isAppPage(frame.url)
  );
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    title: 'Capsule Studio',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(rendererUrl);
}
