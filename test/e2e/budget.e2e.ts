/** The Budget panel: gauges and a time series of a real sidecar run; a limit hit marked in the editor. */
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, expectWorkbench, root, test } from './fixtures';

test('a run fills the budget gauges and the chart, with a marker per suspension', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  await expectWorkbench(page, 'Browser mode');
  await page.getByRole('tab', { name: 'Budget' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Budget' });
  await expect(panel).toContainText('Run the script to see where its budget goes');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('log', { name: 'Debug Console output' })).toContainText('Result: {');
  await page.getByRole('tab', { name: 'Budget' }).click();
  const instructions = panel.getByRole('meter', { name: 'Instructions' });
  await expect(instructions).toBeVisible();
  // the example runs a few thousand instructions of its budget, and suspends at its capability calls
  const used = Number(await instructions.getAttribute('aria-valuenow'));
  expect(used).toBeGreaterThan(1000);
  // the limit is the picked run configuration's (or the default)
  expect(Number(await instructions.getAttribute('aria-valuemax'))).toBeGreaterThan(used);
  expect(Number(await panel.getByRole('meter', { name: 'Heap' }).getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  // the deepest the run went (script → map → callback at least), not the depth at the last sample
  expect(Number(await panel.getByRole('meter', { name: 'Call depth (peak)' }).getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(2);
  const chart = panel.getByRole('img', { name: /Budget use over the run/ });
  await expect(chart).toHaveAttribute('aria-label', /[1-9]\d* suspensions/);
  await expect(chart.locator('canvas')).toBeVisible();
  // the chart fills the panel once it is shown (it was made while the panel was hidden)
  await expect.poll(async () => (await chart.locator('canvas').boundingBox())?.height ?? 0).toBeGreaterThan(150);
  const shot = testInfo.outputPath('budget.png');
  await page.screenshot({ path: shot });
  if (process.env['CAPSULE_UPDATE_SCREENSHOTS'] === '1') {
    mkdirSync(resolve(root, 'docs/screenshots'), { recursive: true });
    copyFileSync(shot, resolve(root, 'docs/screenshots/studio-budget.png'));
  }
  expect(consoleErrors).toEqual([]);
});

test('a limit hit names the limit and marks the statement that crossed it in the editor', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  await expectWorkbench(page, 'Browser mode');
  const editor = page.getByRole('textbox', { name: 'Editor: incident-triage.js' });
  await editor.click();
  await page.keyboard.press('Control+a');
  // runaway recursion: stopped by the call-depth budget (2 000 frames by default)
  await page.keyboard.insertText('function walk(node) {\n  const next = { parent: node };\n  return walk(next) + 1;\n}\nwalk(null);\n');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('log', { name: 'Debug Console output' })).toContainText('LimitError');
  await page.getByRole('tab', { name: 'Budget' }).click();
  const alert = page.getByRole('tabpanel', { name: 'Budget' }).getByRole('alert');
  await expect(alert).toContainText('Limit reached: callDepth');
  await expect(alert).toContainText('at line 3');
  // the gauge of the limit that stopped the run shows the figure reached, past its limit
  const depth = page.getByRole('meter', { name: 'Call depth (peak)' });
  await expect(depth).toHaveAttribute('aria-valuenow', '2001');
  await expect(depth).toHaveAttribute('aria-valuemax', '2000');
  // the other gauges show the run's figures when it stopped (its first slice: no sample before)
  const instructions = Number(await page.getByRole('meter', { name: 'Instructions' }).getAttribute('aria-valuenow'));
  expect(instructions).toBeGreaterThan(6000);
  expect(Number(await page.getByRole('meter', { name: 'Allocations' }).getAttribute('aria-valuenow'))).toBeGreaterThan(2000);
  await expect(page.locator('.cm-limitLine')).toHaveCount(1);
  await expect(page.locator('.cm-limitLine')).toContainText('return walk(next) + 1;');
  await alert.getByRole('button', { name: 'Show in Editor' }).click();
  await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).toContainText('Ln 3,');
  await page.screenshot({ path: testInfo.outputPath('budget-limit.png') });
  expect(consoleErrors).toEqual([]);
});
