/**
 * Starting browser mode (`node out/main/web.js`) on a workspace folder: shared by the e2e
 * fixtures and the UI bench (bench/ui.ts). No Playwright Test import here, so a plain
 * script can use it too.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';

/** Chromium for the browser-mode tests and the UI bench; Playwright's own browser download is not used. */
export const chromiumPath = process.env['CAPSULE_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * Chromium's launch flags. Without the networking flags Chromium phones home at start; this
 * machine's closed network refuses that noisily. --no-sandbox because CI runs as root.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
];

/** The repository root. */
export const root = resolve(import.meta.dirname, '../..');

/** A running `node out/main/web.js`, as `npm run start:web` starts it. */
export interface StudioServer {
  /** The printed URL, token included. */
  url: string;
  origin: string;
  /** The server's process id (tests that crash main or the sidecar need it). */
  pid: number;
  /** The workspace folder it serves (for the tests: a temporary copy of examples/). */
  workspace: string;
  /** Stops the server: SIGTERM (clean) or SIGKILL (a crash). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** Fills `dir` with a fresh copy of examples/ (without any recovery journal), removing what was there. */
export function resetWorkspace(dir: string): void {
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
  cpSync(resolve(root, 'examples'), dir, { recursive: true, filter: (src) => !src.includes(`${sep}.capsule${sep}recovery`) });
}

/** A temporary copy of examples/, so tests never touch the repository. */
export function copyExamples(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'capsule-e2e-')), 'examples');
  mkdirSync(dir);
  resetWorkspace(dir);
  return dir;
}

/** Starts browser mode on a free port with `--workspace`, and resolves once it printed its URL. */
export async function startStudio(workspace: string): Promise<StudioServer> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: apt-get install chromium, or set CAPSULE_CHROMIUM`);
  }
  const entry = resolve(root, 'out/main/web.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  // the shared test machine can be very loaded: a sidecar busy compiling for seconds is not hung
  const env = { ...process.env, CAPSULE_SIDECAR_HEARTBEAT_TIMEOUT_MS: process.env['CAPSULE_SIDECAR_HEARTBEAT_TIMEOUT_MS'] ?? '30000' };
  const child = spawn(process.execPath, [entry, '--port', '0', '--workspace', workspace], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode printed no URL:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Capsule Studio \(browser mode\): (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    pid: child.pid!,
    workspace,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
