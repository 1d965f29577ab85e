/** Shared e2e fixtures: a browser-mode server per worker, and what every workbench must show. */
import { test as base, expect, type Page } from '@playwright/test';
import { CORE_VERSION } from '../../core/version';
import { copyExamples, resetWorkspace, startStudio, type StudioServer } from './server';

export { copyExamples, resetWorkspace, root, startStudio, type StudioServer } from './server';
export { expect };

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
