/** The Timeline panel on the approval workflow: record, answer, fork, restore into the debugger, compare, save and load. */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, root, test } from './fixtures';

test.describe.configure({ timeout: 240_000 });
const RUN = { timeout: 60_000 };

test('record a timeline, answer and fork it, restore nodes into the debugger, compare, save and load', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  await page.getByRole('treeitem', { name: 'approval-workflow.js' }).click();
  await expect(page.getByRole('textbox', { name: 'Editor: approval-workflow.js' })).toContainText('requestApproval');
  // one approval (the manager's): the run waits for a person once
  await page.getByRole('combobox', { name: 'Run configuration' }).selectOption('Cloud credits (manager approves)');

  await page.getByRole('tab', { name: 'Timeline' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Timeline' });
  const status = panel.getByRole('status');
  const tree = panel.getByRole('application', { name: /Timeline tree/ });
  const details = panel.getByRole('complementary', { name: 'Timeline node' });
  await panel.getByRole('button', { name: 'Record' }).click();
  // employee + vendor screening, then the budget (mocks answer both), then requestApproval waits
  await expect(status).toContainText('node 2 waits for your answer (requestApproval)', RUN);
  await expect(tree).toHaveAttribute('aria-label', /^Timeline tree: 3 nodes, 1 branch\./);
  await expect(details).toContainText('Node 2 · Waiting for requestApproval');

  // answer it: the editor checks the answer against requestApproval's result schema
  await details.getByRole('button', { name: 'Answer' }).click();
  const answer = details.getByRole('textbox', { name: /^Answer to requestApproval/ });
  await answer.fill('{"decision": "maybe"}');
  await details.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(details.getByRole('alert')).toContainText('decision');
  await answer.fill('{"decision": "approve", "comment": "fine"}');
  await details.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status).toContainText('the run completed at node 5', RUN);
  await expect(details).toContainText('Completed');
  await expect(details).toContainText('"status":"approved"');
  await expect(details.getByRole('list', { name: 'Node console' })).toContainText('PR-1044: approved');

  // fork from node 2 with another answer: a second branch with another result
  await details.getByRole('navigation', { name: 'Path to the node' }).getByRole('button', { name: '#2' }).click();
  await expect(details).toContainText('Node 2 · Waiting for requestApproval');
  await details.getByRole('button', { name: 'Fork from Here' }).click();
  await expect(answer).toHaveValue(/"approve"/);
  await answer.fill('{"decision": "reject", "comment": "not this quarter"}');
  await details.getByRole('button', { name: 'Run Branch' }).click();
  await expect(status).toContainText('New branch from node 2', RUN);
  await expect(tree).toHaveAttribute('aria-label', /^Timeline tree: 8 nodes, 2 branches\./);
  await expect(details).toContainText('"status":"declined"');
  await expect(details.getByRole('list', { name: 'Node console' })).toContainText('PR-1044: declined (grace@example.com rejected it: not this quarter)');
  const shot = testInfo.outputPath('timeline.png');

  // restore node 1 (waiting for the budget) into the debugger: Variables, Call Stack, console follow
  await page.getByRole('button', { name: 'Run and Debug' }).click();
  const variables = page.getByRole('tree', { name: 'Variables' });
  await details.getByRole('navigation', { name: 'Path to the node' }).getByRole('button', { name: '#1' }).click();
  await details.getByRole('button', { name: 'Restore in Debugger' }).click();
  await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).toContainText('Paused on timeline node', RUN);
  await expect(page.getByRole('listbox', { name: 'Call Stack' })).toContainText('<script>');
  await expect(variables).toContainText('employee');
  await expect(variables.getByRole('treeitem', { name: /^budget/ })).toContainText('<uninitialized>');
  await expect(status).toContainText('Node 1 restored into the debugger');
  // node 2: the budget answer arrived
  await tree.focus();
  await page.keyboard.press('ArrowRight');
  await expect(details).toContainText('Node 2 · Waiting for requestApproval');
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Node 2 restored into the debugger', RUN);
  await expect(variables.getByRole('treeitem', { name: /^budget/ })).toContainText('25000');
  // the screenshot for the README: the forked tree, node 2 restored, its variables (both themes looked at)
  await panel.getByRole('button', { name: 'Fit' }).click();
  await page.screenshot({ path: shot });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: testInfo.outputPath('timeline-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });

  // the Debug Console shows the restored state's history; continuing from it asks for the approval
  await page.getByRole('tab', { name: 'Debug Console' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Debug Console' })).toContainText('Restored timeline node 2');
  await page.keyboard.press('F5');
  await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).toContainText('Waiting for an answer — requestApproval', RUN);

  // compare node 1 with node 2: the variable that changed, the objects that arrived
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await details.getByRole('navigation', { name: 'Path to the node' }).getByRole('button', { name: '#1' }).click();
  await details.getByRole('button', { name: 'Compare from Here' }).click();
  await details.getByRole('button', { name: 'Child node 2' }).click();
  await details.getByRole('button', { name: 'Compare with #1' }).click();
  const comparison = panel.getByRole('region', { name: 'Comparison' });
  await expect(comparison.getByRole('table', { name: 'Variables that differ' })).toContainText('budget', RUN);
  await expect(comparison.getByRole('list', { name: 'Heap differences' })).toContainText('{costCenter, remaining, currency}');
  await page.screenshot({ path: testInfo.outputPath('timeline-compare.png') });
  await comparison.getByRole('button', { name: 'Close comparison' }).click();

  // save, close, load: the same tree
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(status).toContainText('Saved 8 nodes to .capsule/timelines/approval-workflow.timeline', RUN);
  const file = join(studio.workspace, '.capsule/timelines/approval-workflow.timeline');
  expect(existsSync(file)).toBe(true);
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(tree).toHaveCount(0);
  await panel.getByRole('button', { name: 'Load' }).click();
  await expect(status).toContainText('Loaded 8 nodes from .capsule/timelines/approval-workflow.timeline', RUN);
  await expect(tree).toHaveAttribute('aria-label', /^Timeline tree: 8 nodes, 2 branches\./);
  // a loaded node restores too
  await details.getByRole('button', { name: 'Restore in Debugger' }).click();
  await expect(status).toContainText('Node 0 restored into the debugger', RUN);

  // a corrupt file is refused with a clear message (the loaded timeline stays)
  writeFileSync(file, 'not a timeline');
  await panel.getByRole('button', { name: 'Load' }).click();
  await expect(status).toContainText('Not a usable timeline file', RUN);
  await expect(tree).toHaveAttribute('aria-label', /8 nodes/);

  if (process.env['CAPSULE_UPDATE_SCREENSHOTS'] === '1') {
    mkdirSync(resolve(root, 'docs/screenshots'), { recursive: true });
    copyFileSync(shot, resolve(root, 'docs/screenshots/studio-timeline.png'));
  }
  expect(consoleErrors).toEqual([]);
});
