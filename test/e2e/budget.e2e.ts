/** The Budget panel: gauges and a time series of a real sidecar run; a limit hit marked in the editor. */
import { expect, expectWorkbench, test } from './fixtures';

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
  // the example runs a few thousand instructions of a 100 M budget, and suspends at its capability calls
  const used = Number(await instructions.getAttribute('aria-valuenow'));
  expect(used).toBeGreaterThan(1000);
  expect(Number(await instructions.getAttribute('aria-valuemax'))).toBe(100_000_000);
  expect(Number(await panel.getByRole('meter', { name: 'Heap' }).getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  const chart = panel.getByRole('img', { name: /Budget use over the run/ });
  await expect(chart).toHaveAttribute('aria-label', /[1-9]\d* suspensions/);
  await expect(chart.locator('canvas')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('budget.png') });
  expect(consoleErrors).toEqual([]);
});

test('a limit hit names the limit and marks the statement that crossed it in the editor', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  await expectWorkbench(page, 'Browser mode');
  const editor = page.getByRole('textbox', { name: 'Editor: incident-triage.js' });
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('const kept = [];\nwhile (true) {\n  kept.push({ n: kept.length });\n}\n');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('log', { name: 'Debug Console output' })).toContainText('LimitError', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Budget' }).click();
  const alert = page.getByRole('tabpanel', { name: 'Budget' }).getByRole('alert');
  await expect(alert).toContainText('Limit reached: heapBytes');
  await expect(alert).toContainText('at line 3');
  await expect(page.locator('.cm-limitLine')).toHaveCount(1);
  await expect(page.locator('.cm-limitLine')).toContainText('kept.push');
  await alert.getByRole('button', { name: 'Show in Editor' }).click();
  await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).toContainText('Ln 3,');
  await page.screenshot({ path: testInfo.outputPath('budget-limit.png') });
  expect(consoleErrors).toEqual([]);
});
