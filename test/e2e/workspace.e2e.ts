/**
 * The workspace end to end in Chromium (browser mode): the Explorer tree, tabs with dirty
 * markers, Ctrl+S and auto save (atomic writes on disk), Search, malformed workspace files, and
 * unsaved edits surviving a sidecar crash, a renderer reload and a restart of main.
 * Tests that change files use `freshStudio`: a server of their own on a fresh copy of examples/.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { copyExamples, expect, root, startStudio, test } from './fixtures';

/** With CAPSULE_UPDATE_SCREENSHOTS=1 the screenshots in docs/screenshots/ are refreshed too. */
function publish(file: string, name: string): void {
  if (process.env['CAPSULE_UPDATE_SCREENSHOTS'] !== '1') return;
  const dir = resolve(root, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, resolve(dir, name));
}

// these flows start servers of their own and wait on disk writes: generous on a busy machine
test.describe.configure({ timeout: 120_000 });

const tab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Open editors' }).getByRole('tab', { name, exact: true });
const editor = (page: Page, name: string) => page.getByRole('textbox', { name: `Editor: ${name}` });

/** Turns auto save off (it is on by default), so edits stay unsaved. */
async function autoSaveOff(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Auto Save' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
}

/**
 * Types at the very start of the active editor. Keys go to whatever has focus, so it first makes
 * sure the editor has it (a click that lands while the page is still settling is clicked again),
 * and then that the text arrived.
 */
async function typeAtStart(page: Page, name: string, text: string): Promise<void> {
  await expect(async () => {
    await editor(page, name).click();
    await expect(editor(page, name)).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(text);
  await expect(editor(page, name)).toContainText(text.split('\n')[0]!);
}

/** Waits until main holds a journal entry for unsaved text containing `needle`. */
async function journalled(workspace: string, needle: string): Promise<void> {
  const dir = join(workspace, '.capsule', 'recovery');
  await expect
    .poll(() => (existsSync(dir) ? readdirSync(dir).some((n) => readFileSync(join(dir, n), 'utf8').includes(needle)) : false), { timeout: 10_000 })
    .toBe(true);
}

test('the Explorer shows the workspace as a tree; files open in tabs; folders expand', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  const tree = page.getByRole('tree', { name: 'Files' });
  await expect(tree.getByRole('treeitem', { name: 'incident-triage.js' })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: 'incident-triage.mocks.json' })).toBeVisible();
  await expect(tab(page, 'incident-triage.js')).toHaveAttribute('aria-selected', 'true');

  // a folder is collapsed until opened
  const host = tree.getByRole('treeitem', { name: 'host' });
  await expect(host).toHaveAttribute('aria-expanded', 'false');
  await expect(tree.getByRole('treeitem', { name: '02-run-async.mjs' })).toHaveCount(0);
  await host.click();
  await expect(host).toHaveAttribute('aria-expanded', 'true');
  await tree.getByRole('treeitem', { name: '02-run-async.mjs' }).click();
  await expect(tab(page, '02-run-async.mjs')).toHaveAttribute('aria-selected', 'true');
  await expect(editor(page, '02-run-async.mjs')).toContainText('import');

  await tree.getByRole('treeitem', { name: 'incident-triage.mocks.json' }).click();
  await expect(editor(page, 'incident-triage.mocks.json')).toContainText('"capabilities"');
  await expect(page.getByRole('tablist', { name: 'Open editors' }).getByRole('tab')).toHaveCount(3);

  // keyboard: arrows move in the tree, Enter opens
  await tree.getByRole('treeitem', { name: 'incident-triage.mocks.json' }).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(tab(page, 'incident-triage.js')).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('button', { name: 'Close 02-run-async.mjs' }).click();
  await expect(tab(page, '02-run-async.mjs')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('workspace-explorer.png') });
  expect(consoleErrors).toEqual([]);
});

test('a dirty marker while unsaved; Ctrl+S saves atomically; undo history stays with each tab', async ({ page, freshStudio, consoleErrors }, testInfo) => {
  await page.goto(freshStudio.url);
  await autoSaveOff(page);
  const file = join(freshStudio.workspace, 'incident-triage.js');
  const original = readFileSync(file, 'utf8');

  await typeAtStart(page, 'incident-triage.js', '// first edit\n');
  await expect(tab(page, 'incident-triage.js')).toHaveAttribute('data-dirty', 'true');
  await expect(page.getByRole('tree', { name: 'Files' }).getByRole('treeitem', { name: 'incident-triage.js' })).toContainText('●');
  expect(readFileSync(file, 'utf8')).toBe(original);

  // another tab, edited too; switching back keeps each document's own undo history
  await page.getByRole('treeitem', { name: 'incident-triage.mocks.json' }).click();
  await typeAtStart(page, 'incident-triage.mocks.json', ' ');
  await expect(tab(page, 'incident-triage.mocks.json')).toHaveAttribute('data-dirty', 'true');
  await page.screenshot({ path: testInfo.outputPath('workspace-dirty.png') });
  await tab(page, 'incident-triage.js').click();
  await editor(page, 'incident-triage.js').click();
  // (typing may make more than one undo step; there is nothing to undo beyond the file as loaded)
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
  await expect(editor(page, 'incident-triage.js')).not.toContainText('// first edit');
  await expect(tab(page, 'incident-triage.js')).toHaveAttribute('data-dirty', 'false');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+y');
  await expect(editor(page, 'incident-triage.js')).toContainText('// first edit');
  await expect(tab(page, 'incident-triage.mocks.json')).toHaveAttribute('data-dirty', 'true');

  await page.keyboard.press('Control+s');
  await expect(tab(page, 'incident-triage.js')).toHaveAttribute('data-dirty', 'false');
  expect(readFileSync(file, 'utf8')).toBe(`// first edit\n${original}`);
  // nothing half-written left behind
  expect(readdirSync(freshStudio.workspace).filter((n) => n.includes('capsule-tmp'))).toEqual([]);

  // closing unsaved work asks first; Cancel keeps the tab, Don't Save drops the edit
  await page.getByRole('button', { name: 'Close incident-triage.mocks.json' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Save changes?' });
  await expect(ask).toContainText('incident-triage.mocks.json');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(tab(page, 'incident-triage.mocks.json')).toHaveCount(1);
  await page.getByRole('button', { name: 'Close incident-triage.mocks.json' }).click();
  await ask.getByRole('button', { name: "Don't Save" }).click();
  await expect(tab(page, 'incident-triage.mocks.json')).toHaveCount(0);
  expect(readFileSync(join(freshStudio.workspace, 'incident-triage.mocks.json'), 'utf8')).toMatch(/^\{/);
  expect(consoleErrors).toEqual([]);
});

test('auto save writes the file a moment after typing stops', async ({ page, freshStudio }) => {
  await page.goto(freshStudio.url);
  await expect(page.getByRole('button', { name: 'Auto Save' })).toHaveAttribute('aria-pressed', 'true');
  await typeAtStart(page, 'incident-triage.js', '// auto saved\n');
  const file = join(freshStudio.workspace, 'incident-triage.js');
  await expect.poll(() => readFileSync(file, 'utf8').startsWith('// auto saved\n'), { timeout: 10_000 }).toBe(true);
  await expect(tab(page, 'incident-triage.js')).toHaveAttribute('data-dirty', 'false');
});

test('Search finds text across the workspace, unsaved edits included, and opens the match', async ({ page, freshStudio, consoleErrors }, testInfo) => {
  await page.goto(freshStudio.url);
  await autoSaveOff(page);
  await typeAtStart(page, 'incident-triage.js', '// zebra crossing\n');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const input = page.getByRole('searchbox', { name: 'Search in workspace' });
  await input.fill('searchLogs');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(page.getByRole('status').filter({ hasText: /results? in/ })).toBeVisible();
  await expect(results).toContainText('incident-triage.mocks.json');
  await expect(results).toContainText('incident-triage.js');
  await page.screenshot({ path: testInfo.outputPath('workspace-search.png') });
  publish(testInfo.outputPath('workspace-search.png'), 'workspace-search.png');

  // an unsaved edit is found as it is in the editor
  await input.fill('zebra');
  await expect(page.getByRole('status').filter({ hasText: /result/ })).toContainText('1 result in 1 file');
  await input.fill('Zebra');
  await page.getByRole('button', { name: 'Match Case' }).click();
  await expect(page.getByRole('status').filter({ hasText: /result/ })).toContainText('No results');

  await page.getByRole('button', { name: 'Match Case' }).click();
  await input.fill('lookupOwner');
  await results.getByRole('button', { name: /^incident-triage\.mocks\.json line \d+:/ }).first().click();
  await expect(tab(page, 'incident-triage.mocks.json')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).not.toContainText('Ln 1, Col 1');
  expect(consoleErrors).toEqual([]);
});

test('malformed workspace files: file, line and column are named, and the rest still opens', async ({ page }, testInfo) => {
  const workspace = copyExamples();
  writeFileSync(join(workspace, 'broken.mocks.json'), '{\n  "capabilities": {\n    "a": { "returns": 1, }\n  }\n}\n');
  writeFileSync(join(workspace, 'wrong.mocks.json'), '{\n  "capabilities": {\n    "a": { "sequence": "x" }\n  }\n}\n');
  const server = await startStudio(workspace);
  try {
    await page.goto(server.url);
    await expect(editor(page, 'incident-triage.js')).toContainText('searchLogs');
    const problems = page.getByRole('region', { name: 'Problems in workspace files' });
    await expect(problems).toContainText('broken.mocks.json:3:26');
    await expect(problems).toContainText('not valid JSON');
    await expect(problems).toContainText('wrong.mocks.json:3:24');
    await expect(problems).toContainText('capabilities.a.sequence: must be array');
    await expect(page.getByRole('treeitem', { name: 'broken.mocks.json' })).toHaveClass(/has-problem/);
    // the Problems panel lists them too, and a click opens the file at the place
    await page.getByRole('tab', { name: /Problems/ }).click();
    await expect(page.getByRole('tabpanel', { name: /Problems/ })).toContainText('capabilities.a.sequence: must be array');
    await problems.getByRole('button', { name: /wrong\.mocks\.json:3:24/ }).click();
    await expect(tab(page, 'wrong.mocks.json')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).toContainText('Ln 3, Col 24');
    await page.screenshot({ path: testInfo.outputPath('workspace-problems.png') });

    // fixing the file and saving clears its problem
    await editor(page, 'wrong.mocks.json').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('{ "capabilities": {} }');
    await page.keyboard.press('Control+s');
    await expect(problems).not.toContainText('wrong.mocks.json');
    await expect(problems).toContainText('broken.mocks.json');
  } finally {
    await server.stop();
  }
});

test('unsaved edits survive a crash of the sidecar', async ({ page, freshStudio }) => {
  test.setTimeout(240_000);
  await page.goto(freshStudio.url);
  await autoSaveOff(page);
  await typeAtStart(page, 'incident-triage.js', '// unsaved while the sidecar dies\n');
  // kill -9 every sidecar (the children of the browser-mode server: the warm ones included)
  const children = (): number[] => {
    try {
      return execFileSync('ps', ['-o', 'pid=', '--ppid', String(freshStudio.pid)]).toString().trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return []; // ps exits with 1 when there are none
    }
  };
  await expect.poll(() => children().length, { timeout: 60_000 }).toBeGreaterThan(0);
  const killed = children();
  for (const pid of killed) process.kill(pid, 'SIGKILL');
  await expect.poll(() => children().filter((pid) => killed.includes(pid)), { timeout: 30_000 }).toEqual([]);
  // the edit is still there and unsaved; a run of it works on a new sidecar; it saves
  await expect(editor(page, 'incident-triage.js')).toContainText('// unsaved while the sidecar dies');
  await expect(tab(page, 'incident-triage.js')).toHaveAttribute('data-dirty', 'true');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('log', { name: 'Debug Console output' })).toContainText('errors in the last hour', { timeout: 60_000 });
  await editor(page, 'incident-triage.js').click();
  await page.keyboard.press('Control+s');
  await expect(tab(page, 'incident-triage.js')).toHaveAttribute('data-dirty', 'false');
  expect(readFileSync(join(freshStudio.workspace, 'incident-triage.js'), 'utf8')).toMatch(/^\/\/ unsaved while the sidecar dies\n/);
});

test('unsaved edits survive a renderer reload', async ({ page, freshStudio, consoleErrors }, testInfo) => {
  await page.goto(freshStudio.url);
  await autoSaveOff(page);
  await typeAtStart(page, 'incident-triage.js', '// survives a reload\n');
  await journalled(freshStudio.workspace, 'survives a reload');
  await page.reload();
  await expect(editor(page, 'incident-triage.js')).toContainText('// survives a reload');
  await expect(tab(page, 'incident-triage.js')).toHaveAttribute('data-dirty', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Restored unsaved changes' })).toContainText('incident-triage.js');
  await page.screenshot({ path: testInfo.outputPath('workspace-restored.png') });
  publish(testInfo.outputPath('workspace-restored.png'), 'workspace-restored.png');
  // not written to the file until saved
  expect(readFileSync(join(freshStudio.workspace, 'incident-triage.js'), 'utf8')).not.toContain('survives a reload');
  await editor(page, 'incident-triage.js').click();
  await page.keyboard.press('Control+s');
  await expect(tab(page, 'incident-triage.js')).toHaveAttribute('data-dirty', 'false');
  expect(readFileSync(join(freshStudio.workspace, 'incident-triage.js'), 'utf8')).toMatch(/^\/\/ survives a reload\n/);
  expect(consoleErrors).toEqual([]);
});

test('unsaved edits survive a crash and restart of main', async ({ page, freshStudio }) => {
  await page.goto(freshStudio.url);
  await autoSaveOff(page);
  await typeAtStart(page, 'incident-triage.js', '// survives main\n');
  await page.getByRole('treeitem', { name: 'incident-triage.mocks.json' }).click();
  await journalled(freshStudio.workspace, 'survives main');
  await freshStudio.stop('SIGKILL');

  const restarted = await startStudio(freshStudio.workspace);
  try {
    await page.goto(restarted.url);
    await expect(tab(page, 'incident-triage.js')).toHaveAttribute('data-dirty', 'true');
    await tab(page, 'incident-triage.js').click();
    await expect(editor(page, 'incident-triage.js')).toContainText('// survives main');
    // exactly once, though the reconnect both asks for the state and hears workspace.changed
    await expect(page.getByRole('status').filter({ hasText: 'Restored unsaved changes' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Restored unsaved changes' })).toHaveCount(1);
    await expect(tab(page, 'incident-triage.js')).toHaveCount(1);
    expect(readFileSync(join(freshStudio.workspace, 'incident-triage.js'), 'utf8')).not.toContain('survives main');
  } finally {
    await restarted.stop();
  }
});
