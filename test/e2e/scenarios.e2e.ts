/**
 * Scenarios from the Testing view: run all in a temporary copy of examples/ where one scenario
 * was edited to expect something else — every other scenario passes, that one fails with the
 * expected-vs-actual diff; run one again after fixing the file; the run-configuration picker
 * feeds Run.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { copyExamples, expect, root, startStudio, test as base } from './fixtures';

interface Server {
  url: string;
  workspace: string;
}

/** Browser mode on its own temporary copy of examples/ (the tests edit files in it). */
const test = base.extend<{}, { scenarioStudio: Server }>({
  scenarioStudio: [
    async ({}, use) => {
      const workspace = copyExamples();
      const studio = await startStudio(workspace);
      await use({ url: studio.url, workspace });
      await studio.stop();
      rmSync(dirname(workspace), { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

function publish(file: string, name: string): void {
  if (process.env['CAPSULE_UPDATE_SCREENSHOTS'] !== '1') return;
  const dir = resolve(root, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, resolve(dir, name));
}

const BROKEN = 'the manager approves cloud credits';

test('run all scenarios from the Testing view: the edited one fails with a diff, the rest pass', async ({ page, scenarioStudio, consoleErrors }, testInfo) => {
  test.setTimeout(240_000);
  // make one scenario wrong in the temporary workspace: it now expects another purchase order
  const file = join(scenarioStudio.workspace, 'approval-workflow.scenarios.json');
  const original = readFileSync(file, 'utf8');
  const scenarios = JSON.parse(original);
  const target = scenarios.scenarios.find((s: { name: string }) => s.name === BROKEN);
  target.expect.result.purchaseOrder = 'PO-99999';
  writeFileSync(file, JSON.stringify(scenarios, null, 2));

  await page.goto(scenarioStudio.url);
  await page.getByRole('button', { name: 'Testing' }).click();
  const tree = page.getByRole('tree', { name: 'Scenarios' });
  await expect(tree).toBeVisible();
  for (const script of ['approval-workflow.js', 'data-reconciliation.js', 'incident-triage.js', 'research-brief.js']) {
    await expect(tree.getByText(script, { exact: true })).toBeVisible();
  }
  const items = tree.getByRole('treeitem', { name: /, not run$/ });
  const count = await items.count();
  expect(count).toBeGreaterThanOrEqual(16);

  await page.getByRole('button', { name: 'Run All Scenarios' }).click();
  const summary = page.getByRole('status', { name: 'Test summary' });
  // progress while it runs, then the tally
  await expect(summary).toContainText(/Running \d+ of \d+/);
  await expect(summary).toContainText(`${count - 1} passed, 1 failed`, { timeout: 200_000 });

  const broken = tree.getByRole('treeitem', { name: `${BROKEN}, failed` });
  await expect(broken).toBeVisible();
  await expect(broken.getByRole('img', { name: 'failed' })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: 'a small purchase from a known vendor needs nobody, passed' })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: /, passed$/ })).toHaveCount(count - 1);

  // the failure opens its details: the diff line, expected and actual
  const details = page.getByRole('region', { name: `Details of ${BROKEN}` });
  await expect(details).toBeVisible();
  await expect(details.getByRole('list', { name: 'Differences' })).toHaveText('result.purchaseOrder: expected "PO-99999", got "PO-48211"');
  await expect(details.getByRole('region', { name: 'Expected' })).toContainText('"purchaseOrder": "PO-99999"');
  await expect(details.getByRole('region', { name: 'Actual' })).toContainText('"purchaseOrder": "PO-48211"');
  await details.scrollIntoViewIfNeeded();
  const shot = testInfo.outputPath('studio-testing.png');
  await page.screenshot({ path: shot });
  publish(shot, 'studio-testing.png');

  // fix the file and run that one scenario again: it passes
  writeFileSync(file, original);
  // the row's run button shows on hover, as in VS Code's Testing view
  await broken.getByText(BROKEN, { exact: true }).hover();
  await broken.getByRole('button', { name: `Run scenario ${BROKEN}` }).click();
  await expect(tree.getByRole('treeitem', { name: `${BROKEN}, passed` })).toBeVisible({ timeout: 60_000 });
  await expect(summary).toContainText(`${count} passed`);
  await expect(details.getByRole('list', { name: 'Differences' })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('an invalid scenarios file is shown with its place; the others still list', async ({ page, scenarioStudio }) => {
  const bad = join(scenarioStudio.workspace, 'broken.scenarios.json');
  writeFileSync(bad, JSON.stringify({ scenarios: [{ name: 'x', expect: { reslt: 1 } }] }));
  try {
    await page.goto(scenarioStudio.url);
    await page.getByRole('button', { name: 'Testing' }).click();
    await expect(page.getByRole('list', { name: 'Invalid scenarios files' })).toContainText(
      "broken.scenarios.json: scenarios[0].expect: must NOT have additional properties 'reslt' (see docs/SCENARIOS.md)",
    );
    await expect(page.getByRole('tree', { name: 'Scenarios' }).getByText('incident-triage.js', { exact: true })).toBeVisible();
  } finally {
    rmSync(bad);
  }
});

test('the run-configuration picker beside Run sets the inputs Run uses', async ({ page, scenarioStudio }) => {
  await page.goto(scenarioStudio.url);
  const picker = page.getByRole('combobox', { name: 'Run configuration' });
  // the open example, incident triage, has one configuration
  await expect(picker).toHaveValue('Default');
  await expect(picker.getByRole('option')).toHaveText(['Default']);
});
