/** Shared e2e fixtures: a browser-mode server per worker, and what every workbench must show. */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { CORE_VERSION } from '../../core/version';
import { chromiumPath } from './playwright.config';

export const root = resolve(import.meta.dirname, '../..');
export { expect };

/** A running `node out/main/web.js`, as `npm run start:web` starts it. */
export interface StudioServer {
  /** The printed URL, token included. */
  url: string;
  origin: string;
  /** The server's process id (tests that crash main or the sidecar need it). */
  pid: number;
  /** The workspace folder it serves: a temporary copy of examples/. */
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

export const test = base.extend<{ consoleErrors: string[]; freshStudio: StudioServer; cleanWorkspace: void }, { studio: StudioServer }>({
  // One server per worker, on its own temporary copy of examples/.
  studio: [
    async ({}, use) => {
      const server = await startStudio(copyExamples());
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  // Every test starts from pristine examples: files saved (auto save is on) and unsaved edits kept
  // for recovery by one test must not show up in the next one on the same worker server.
  cleanWorkspace: [
    async ({ studio }, use) => {
      resetWorkspace(studio.workspace);
      await use();
    },
    { auto: true },
  ],
  // A server of its own for a test that edits, saves or crashes things.
  freshStudio: async ({}, use) => {
    const server = await startStudio(copyExamples());
    await use(server);
    await server.stop();
  },
  // Console errors and uncaught exceptions on the page; tests assert there are none.
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
});

/** Asserts the workbench regions, the example in a highlighted editor, and the bridged core version. */
export async function expectWorkbench(page: Page, hostLabel: 'Browser mode' | 'Electron'): Promise<void> {
  await expect(page.getByRole('navigation', { name: 'Activity Bar' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Side Bar' })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: 'incident-triage.js' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Panel' })).toBeVisible();

  const editor = page.getByRole('textbox', { name: 'Editor: incident-triage.js' });
  await expect(editor).toBeVisible();
  await expect(editor).toContainText('searchLogs({ service');
  await expect(editor).toContainText('await Promise.all(');
  // Highlighted, not plain text: a capability call and a keyword carry token classes.
  await expect(editor.locator('.tok-function', { hasText: 'searchLogs' })).toBeVisible();
  await expect(editor.locator('.tok-keyword', { hasText: 'const' }).first()).toBeVisible();

  const status = page.getByRole('contentinfo', { name: 'Status Bar' });
  await expect(status).toContainText(`Capsule core ${CORE_VERSION}`);
  await expect(status).toContainText(hostLabel);
}
