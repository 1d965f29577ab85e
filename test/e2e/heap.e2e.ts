/** The Heap panel on a paused program: the graph of frames and objects, the table, retainers, a comparison. */
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, root, test } from './fixtures';

test.describe.configure({ timeout: 180_000 });
const RUN = { timeout: 60_000 };

test('pause, take heap snapshots: graph, sortable table, retainers, comparison', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  const editor = page.getByRole('textbox', { name: 'Editor: incident-triage.js' });
  await expect(editor).toContainText('await Promise.all(');
  // a breakpoint (F9) on `const peakP99 = …` (line 43): every capability answer is in the heap by then
  await editor.click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < 43; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).toContainText('Ln 43,');
  await page.keyboard.press('F9');
  await page.keyboard.press('F5');
  await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).toContainText('Paused', RUN);

  await page.getByRole('tab', { name: 'Heap' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Heap' });
  await panel.getByRole('button', { name: 'Take Snapshot' }).click();
  const graph = panel.getByRole('img', { name: /Heap graph: \d+ objects drawn/ });
  await expect(graph).toBeVisible(RUN);
  await expect(panel).toContainText(/\d+ objects · [\d.]+ (B|KB|MB)/);
  await panel.getByRole('button', { name: 'Fit' }).click();
  await page.screenshot({ path: testInfo.outputPath('heap-graph.png') });

  // the README's picture: the panel dragged taller, the graph zoomed in until boxes are legible
  const splitter = page.locator('.splitpanes--horizontal > .splitpanes__splitter').first();
  const sb = await splitter.boundingBox();
  if (!sb) throw new Error('no panel splitter');
  await page.mouse.move(sb.x + sb.width / 2, sb.y + sb.height / 2);
  await page.mouse.down();
  await page.mouse.move(sb.x + sb.width / 2, 140, { steps: 8 });
  await page.mouse.up();
  const panelBox = await panel.boundingBox();
  expect(panelBox!.height).toBeGreaterThan(500);
  await panel.getByRole('button', { name: 'Fit' }).click();
  for (let i = 0; i < 2; i++) await panel.getByRole('button', { name: 'Zoom In' }).click();
  const shot = testInfo.outputPath('heap-graph-large.png');
  await page.screenshot({ path: shot });

  // the table, sorted by retained size (largest first), then by kind when its header is clicked
  await panel.getByRole('radio', { name: 'Table' }).click();
  const table = panel.getByRole('grid', { name: 'Heap objects' });
  await expect(table.getByRole('columnheader', { name: /Retained Size/ })).toHaveAttribute('aria-sort', 'descending');
  const rows = table.getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  await table.getByRole('columnheader', { name: /^Kind/ }).click();
  await expect(table.getByRole('columnheader', { name: /^Kind/ })).toHaveAttribute('aria-sort', 'ascending');

  // search narrows it; selecting a row lists its retainers
  await panel.getByRole('searchbox', { name: 'Search heap' }).fill('array');
  await expect(rows.nth(1)).toContainText('array');
  await rows.nth(1).click();
  const details = panel.getByRole('complementary', { name: 'Selected object' });
  await expect(details).toContainText('Retainers');
  await expect(details.getByRole('list', { name: 'Retainers' }).getByRole('listitem').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('heap-table.png') });

  // step on, snapshot again, compare: the new objects are counted
  await page.keyboard.press('F10');
  await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).toContainText('Ln', RUN);
  await panel.getByRole('button', { name: 'Take Snapshot' }).click();
  await expect(panel.getByRole('combobox', { name: 'Snapshot' })).toHaveValue('1', RUN);
  await panel.getByRole('combobox', { name: 'Compare with' }).selectOption({ index: 1 });
  await expect(panel.getByLabel('Heap comparison')).toContainText(/\+\d+ new/);

  if (process.env['CAPSULE_UPDATE_SCREENSHOTS'] === '1') {
    mkdirSync(resolve(root, 'docs/screenshots'), { recursive: true });
    copyFileSync(shot, resolve(root, 'docs/screenshots/studio-heap.png'));
  }
  expect(consoleErrors).toEqual([]);
});
