/**
 * The Electron shell: one window, the security checklist's defaults, and IPC wired to the
 * Electron-free services. Everything a test or browser mode also needs lives in ./services.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
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
  },
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

  createWindow();
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
