/** Browser mode end to end: `node out/main/web.js` served to real Chromium. */
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CORE_VERSION } from '../../core/version';
import type { AppInfo, CapsuleApi } from '../../preload/api';
import { expect, expectWorkbench, root, test } from './fixtures';

/** With CAPSULE_UPDATE_SCREENSHOTS=1 the README's screenshots in docs/screenshots/ are refreshed too. */
function publish(file: string, name: string): void {
  if (process.env['CAPSULE_UPDATE_SCREENSHOTS'] !== '1') return;
  const dir = resolve(root, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, resolve(dir, name));
}

test('shows the example script and the core version from the bridge (dark theme)', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  await expectWorkbench(page, 'Browser mode');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(31, 31, 31)');

  const shot = testInfo.outputPath('studio-dark.png');
  await page.screenshot({ path: shot });
  publish(shot, 'studio-dark.png');
  expect(consoleErrors).toEqual([]);
});

test('follows the OS colour scheme, light and back to dark', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(studio.url);
  await expectWorkbench(page, 'Browser mode');
  const editor = page.locator('.cm-editor');
  await expect(editor).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await expect(page.locator('.tok-keyword').first()).toHaveCSS('color', 'rgb(0, 0, 255)');

  const shot = testInfo.outputPath('studio-light.png');
  await page.screenshot({ path: shot });
  publish(shot, 'studio-light.png');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(editor).toHaveCSS('background-color', 'rgb(31, 31, 31)');
  expect(consoleErrors).toEqual([]);
});

test('exposes the same window.capsule API as the Electron preload', async ({ page, studio }) => {
  await page.goto(studio.url);
  await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).toContainText('Browser mode');
  // Runs in the page; this project's Node types have no DOM, hence globalThis.
  const info: AppInfo | null = await page.evaluate(
    () => (globalThis as { capsule?: CapsuleApi }).capsule?.invoke('app.info') ?? null,
  );
  expect(info).toMatchObject({ mode: 'browser', coreVersion: CORE_VERSION });
});

test('panel tabs, activity bar and editor respond to the user', async ({ page, studio }) => {
  await page.goto(studio.url);
  const problems = page.getByRole('tab', { name: 'Problems' });
  const output = page.getByRole('tab', { name: 'Output' });
  await expect(problems).toHaveAttribute('aria-selected', 'true');
  await output.click();
  await expect(output).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Output' })).toContainText(`interpreter core ${CORE_VERSION}`);
  await output.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Debug Console' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Debug Console' })).toHaveAttribute('aria-selected', 'true');

  const explorer = page.getByRole('button', { name: 'Explorer' });
  await expect(explorer).toHaveAttribute('aria-pressed', 'true');
  await explorer.click();
  await expect(page.getByRole('complementary', { name: 'Side Bar' })).toBeHidden();
  await page.getByRole('button', { name: 'Run and Debug' }).click();
  await expect(page.getByRole('complementary', { name: 'Side Bar' })).toContainText('Run and Debug');

  const editor = page.getByRole('textbox', { name: 'Editor: incident-triage.js' });
  await editor.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('// edited\n');
  await expect(editor).toContainText('// edited');
  await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).toContainText('Ln 2, Col 1');
});

test('without the token, or with a wrong one, the page gets no bridge', async ({ page, studio }) => {
  for (const address of [`${studio.origin}/`, `${studio.origin}/#token=not-the-token`]) {
    await page.goto(address);
    const status = page.getByRole('contentinfo', { name: 'Status Bar' });
    await expect(status).toContainText('Disconnected');
    await expect(status).toContainText('Capsule core —');
    await page.getByRole('tab', { name: 'Output' }).click();
    await expect(page.getByRole('tabpanel', { name: 'Output' })).toContainText('Bridge unavailable');
  }
});

test('runs a session in the sidecar through the bridge: mocks answered in main, ask-me calls wait for the page', async ({ page, studio }) => {
  await page.goto(studio.url);
  await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).toContainText('Browser mode');
  const result = await page.evaluate(async () => {
    const api = (globalThis as { capsule?: CapsuleApi }).capsule!;
    const logs: string[] = [];
    const off = api.on('session.console', (e) => logs.push(e.text));
    const first = await api.invoke('session.start', {
      source: 'console.log("hello from the sidecar"); const a = lookup(1); const b = confirm("ok?"); a.n + (b ? 1 : 0)',
      mocks: { capabilities: { lookup: { returns: { n: 41 } }, confirm: {} } },
    });
    const done = await api.invoke('session.continue', { id: first.id, answers: [{ id: 2, value: true }] });
    off();
    return { first, done, logs };
  });
  expect(result.first).toMatchObject({ status: 'waiting', calls: [{ capability: 'confirm', args: ['ok?'] }] });
  expect(result.done).toMatchObject({ status: 'done', value: 42 });
  expect(result.logs).toEqual(['hello from the sidecar']);
});

test('Run (F5) runs the script in the sidecar with the example mocks; the Debug Console shows its output and result', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  await expectWorkbench(page, 'Browser mode');
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeEnabled();
  await run.click();
  const log = page.getByRole('log', { name: 'Debug Console output' });
  await expect(log).toContainText('errors in the last hour: checkout 140, payments 12, inventory 3');
  await expect(log).toContainText('Result: {');
  await expect(log).toContainText('"severity": "sev2"');
  await expect(page.getByRole('tab', { name: 'Debug Console' })).toHaveAttribute('aria-selected', 'true');
  const shot = testInfo.outputPath('studio-run.png');
  await page.screenshot({ path: shot });
  publish(shot, 'studio-run.png');
  // F5 runs it again (the keyboard shortcut)
  await page.getByRole('textbox', { name: 'Editor: incident-triage.js' }).click();
  await page.keyboard.press('F5');
  await expect(log).toContainText('Debugging incident-triage.js');
  await expect(log).toContainText('"page": "ada@example.com"');
  expect(consoleErrors).toEqual([]);
});
