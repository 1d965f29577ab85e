/**
 * Browser mode: `npm run start:web [-- --port N] [--workspace DIR]` builds the app, then runs this
 * file with plain Node. It serves the renderer and the same services as the Electron shell, and
 * prints the URL. The workspace is DIR, or the repository's examples/ folder.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from './services';
import { startWebServer } from './web-server';

function fail(message: string): never {
  console.error(`capsule: ${message}`);
  process.exit(1);
}

const { values } = parseArgs({ options: { port: { type: 'string' }, workspace: { type: 'string' } } });
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, not ${values.port}`);

const rendererDir = join(import.meta.dirname, '../renderer');
if (!existsSync(join(rendererDir, 'index.html'))) fail(`no built renderer in ${rendererDir}: run npm run build first`);

// the sidecar built beside this file (out/main/sidecar.js), started with child_process.fork;
// CAPSULE_SIDECAR_HEARTBEAT_TIMEOUT_MS lengthens the watchdog's patience on overloaded machines
// (the end-to-end tests on a shared CI box), default 5 s
const heartbeatTimeoutMs = Number(process.env['CAPSULE_SIDECAR_HEARTBEAT_TIMEOUT_MS']) || undefined;
const services = createServices({
  mode: 'browser',
  sessions: { entry: join(import.meta.dirname, 'sidecar.js'), warm: true, ...(heartbeatTimeoutMs ? { heartbeatTimeoutMs } : {}) },
});
// out/main/web.js → the repository's examples/
const workspace = resolve(values.workspace ?? join(import.meta.dirname, '../../examples'));
if (!existsSync(workspace) || !statSync(workspace).isDirectory()) fail(`--workspace: ${workspace} is not a folder`);
// opened while the server starts; the page's first workspace.state waits for it
void services.workspace.open(workspace).catch((error: unknown) => fail(`--workspace: ${error instanceof Error ? error.message : String(error)}`));

const server = await startWebServer({ rendererDir, services, port }).catch((error: unknown) =>
  fail(`could not listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`),
);
console.log(`Capsule Studio (browser mode): ${server.url}`);
console.log(`Workspace: ${workspace}`);
console.log('Open that address in Chromium or another browser; the token in it is required. Ctrl+C stops.');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  services.events.emit('app.notice', { level: 'warning', message: 'The browser-mode server has stopped' });
  await server.close();
  await services.dispose();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
