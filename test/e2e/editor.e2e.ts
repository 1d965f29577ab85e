/** The editor's live help: validator diagnostics as you type, the Problems panel, capability completion, themes. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, expectWorkbench, root, test } from './fixtures';

test('diagnostics appear as you type: squiggle, gutter marker, Problems list; clicking a problem moves the cursor', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  await expectWorkbench(page, 'Browser mode');
  const problemsTab = page.getByRole('tab', { name: /^Problems/ });
  await problemsTab.click();
  const panel = page.getByRole('tabpanel', { name: /^Problems/ });
  // The example is clean: it only uses its mocked capabilities.
  await expect(panel).toContainText('No problems have been detected');

  const editor = page.getByRole('textbox', { name: 'Editor: incident-triage.js' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nconst leak = process.env;');
  const list = page.getByRole('list', { name: 'Problems' });
  await expect(list).toContainText('process');
  await expect(list).toContainText('incident-triage.js');
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
  await expect(page.locator('.cm-lint-marker-error').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('problems.png') });

  // Hovering the squiggle shows the validator's message.
  await page.locator('.cm-lintRange-error').first().hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText('process');

  // Clicking the problem puts the cursor on its line (the status bar says where).
  await page.keyboard.press('Control+Home');
  const status = page.getByRole('contentinfo', { name: 'Status Bar' });
  await expect(status).toContainText('Ln 1, Col 1');
  await list.getByRole('button').first().click();
  // The typed line is the example's last line + 1; `process` starts at column 14 of it.
  const lines = readFileSync(resolve(root, 'examples/incident-triage.js'), 'utf8').split('\n').length;
  await expect(status).toContainText(`Ln ${lines + 1}, Col 14`);

  // Fixing it clears the list.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(panel).toContainText('No problems have been detected', { timeout: 15_000 });
  expect(consoleErrors).toEqual([]);
});

test('completion offers the capabilities with their signatures and descriptions', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  await expectWorkbench(page, 'Browser mode');
  const editor = page.getByRole('textbox', { name: 'Editor: incident-triage.js' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nsearchL');
  const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'searchLogs' });
  await expect(option).toBeVisible();
  await expect(option).toContainText('level: "debug" | "info" | "warn" | "error"');
  await expect(page.locator('.cm-completionInfo')).toContainText('Log entries of one service');
  await page.screenshot({ path: testInfo.outputPath('completion.png') });
  await page.keyboard.press('Enter');
  await expect(editor).toContainText('searchLogs');
  expect(consoleErrors).toEqual([]);
});

test('the theme can be chosen in the status bar (Auto, Light, Dark) and is remembered', async ({ page, studio }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(studio.url);
  await expectWorkbench(page, 'Browser mode');
  const body = page.locator('body');
  await expect(body).toHaveCSS('background-color', 'rgb(31, 31, 31)');
  const toggle = page.getByRole('button', { name: 'Theme: Auto' });
  await toggle.click();
  await expect(page.getByRole('button', { name: 'Theme: Light' })).toBeVisible();
  await expect(body).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Theme: Light' })).toBeVisible();
  await expect(page.locator('.cm-editor')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await page.getByRole('button', { name: 'Theme: Light' }).click();
  await expect(body).toHaveCSS('background-color', 'rgb(31, 31, 31)');
  await page.getByRole('button', { name: 'Theme: Dark' }).click();
  await expect(page.getByRole('button', { name: 'Theme: Auto' })).toBeVisible();
});
