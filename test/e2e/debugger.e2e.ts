/**
 * The debugger end to end in Chromium (browser mode): open the example, set a breakpoint by
 * clicking the gutter, Run, the paused line is highlighted, step over an awaited capability
 * call, Variables change, Watch shows a value, Step Back returns to the previous line, Stop.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 180_000 });

/** Waiting for the program (sessions, mocks, steps) on a shared, loaded machine: generous, not a timing assertion. */
const RUN = { timeout: 60_000 };

// a failure shows what the Debug Console said (the run's error, if any)
test.afterEach(async ({ page }, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    const text = await page.locator('.panel, [aria-label="Panel"]').first().innerText().catch(() => '');
    console.log(`Panel at failure:\n${text}`);
  }
});

/** The breakpoint gutter's cell for a 1-based line (clicking the gutter at that line's height). */
async function clickGutter(page: Page, line: number, button: 'left' | 'right' = 'left'): Promise<void> {
  const editor = page.locator('.cm-editor');
  const row = editor.locator('.cm-line').nth(line - 1);
  await row.scrollIntoViewIfNeeded();
  const gutter = editor.locator('.cm-breakpoint-gutter');
  const g = await gutter.boundingBox();
  const r = await row.boundingBox();
  if (!g || !r) throw new Error('editor not laid out');
  await page.mouse.click(g.x + g.width / 2, r.y + r.height / 2, { button });
}

function pausedLine(page: Page): Locator {
  return page.locator('.cm-editor .cm-debug-line-paused');
}

test('breakpoint, run, step over an awaited capability call, watch, step back, stop', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  const editor = page.getByRole('textbox', { name: 'Editor: incident-triage.js' });
  await expect(editor).toContainText('await Promise.all(');
  const toolbar = page.getByRole('toolbar', { name: 'Debug' });
  await expect(toolbar.getByRole('button', { name: 'Run', exact: true })).toHaveAttribute('title', 'Run (F5)');

  // a breakpoint on the first fan-out (line 11), by clicking the gutter
  await clickGutter(page, 11);
  await expect(page.locator('.cm-breakpoint')).toHaveCount(1);
  await expect(page.locator('.cm-breakpoint').first()).toHaveAttribute('data-line', '11');

  await page.getByRole('navigation', { name: 'Activity Bar' }).getByRole('button', { name: 'Run and Debug' }).click();
  await toolbar.getByRole('button', { name: 'Run', exact: true }).click();
  const status = page.getByRole('contentinfo', { name: 'Status Bar' });
  await expect(status).toContainText('Paused on breakpoint — incident-triage.js:11', RUN);
  await expect(pausedLine(page)).toHaveCount(1);
  await expect(pausedLine(page)).toContainText('const searches = await Promise.all(');

  // every control is there, named exactly as labelled, with its key in the tooltip
  for (const [name, title] of [
    ['Continue', 'Continue (F5)'],
    ['Step Over', 'Step Over (F10)'],
    ['Step Into', 'Step Into (F11)'],
    ['Step Out', 'Step Out (Shift+F11)'],
    ['Step Instruction', 'Step Instruction'],
    ['Step Back', 'Step Back'],
    ['Restart', 'Restart (Ctrl+Shift+F5)'],
    ['Stop', 'Stop (Shift+F5)'],
  ]) {
    await expect(toolbar.getByRole('button', { name, exact: true })).toHaveAttribute('title', title!);
  }

  // Run and Debug view: the call stack and the script's variables before the call
  const side = page.getByRole('complementary', { name: 'Side Bar' });
  await expect(side.getByRole('listbox', { name: 'Call Stack' }).getByRole('option').first()).toContainText('<script>');
  const variables = side.getByRole('tree', { name: 'Variables' });
  await expect(variables.getByRole('treeitem', { name: /^services: / })).toContainText("[ 'checkout', 'payments', 'inventory' ]");
  await expect(variables.getByRole('treeitem', { name: /^searches: / })).toContainText('<uninitialized>');

  // a watch expression
  await side.getByRole('button', { name: 'Add Expression' }).click();
  await side.getByRole('textbox', { name: 'Expression to watch' }).fill('services.length * 2');
  await side.getByRole('textbox', { name: 'Expression to watch' }).press('Enter');
  const watches = side.getByRole('list', { name: 'Watch expressions' });
  await expect(watches.getByRole('listitem')).toHaveText(/services\.length \* 2:\s*6/, RUN);

  await page.screenshot({ path: testInfo.outputPath('debugger-paused-dark.png') });

  // step over the awaited fan-out: the mocks answer in main; the next statement is line 28
  await toolbar.getByRole('button', { name: 'Step Over', exact: true }).click();
  await expect(status).toContainText('Paused on step — incident-triage.js:28', RUN);
  await expect(pausedLine(page)).toContainText('const findings = services.map(');
  await expect(variables.getByRole('treeitem', { name: /^searches: / })).toContainText('[ [Object], [Object], [Object] ]');
  // expand it: three results, one per service
  await variables.getByRole('treeitem', { name: /^searches: / }).locator('.row').first().click();
  await expect(variables.getByRole('treeitem', { name: /^searches: / }).getByRole('treeitem', { name: /^2: / })).toBeVisible();
  // inline values show what the script has so far
  await expect(page.locator('.cm-inline-value').first()).toContainText('lastHour = ');
  await page.screenshot({ path: testInfo.outputPath('debugger-stepped-dark.png') });

  // the light theme
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.screenshot({ path: testInfo.outputPath('debugger-stepped-light.png') });

  // back in time: the statement that ran last before line 28 — the fan-out's callback for the
  // last service (line 12), inside Array.prototype.map
  await toolbar.getByRole('button', { name: 'Step Back', exact: true }).click();
  await expect(status).toContainText('Paused on step — incident-triage.js:12', RUN);
  await expect(pausedLine(page)).toContainText('services.map((service) => searchLogs(');
  await expect(side.getByRole('listbox', { name: 'Call Stack' }).getByRole('option', { selected: true })).toContainText('<anonymous>');
  await expect(variables.getByRole('treeitem', { name: /^service: / })).toContainText('"inventory"');

  // keys: F10 steps over again, to line 28
  await page.keyboard.press('F10');
  await expect(status).toContainText('Paused on step — incident-triage.js:28', RUN);

  await toolbar.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(toolbar.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  await expect(pausedLine(page)).toHaveCount(0);
  await expect(status).not.toContainText('Paused');
  expect(consoleErrors).toEqual([]);
});

test('conditional breakpoints and logpoints from the gutter menu; F9; breakpoints list', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  await expect(page.getByRole('textbox', { name: 'Editor: incident-triage.js' })).toContainText('topSignatures');
  // a logpoint after the first fan-out (line 33), through the context menu and inline editor
  await clickGutter(page, 33, 'right');
  const menu = page.getByRole('menu', { name: 'Breakpoint actions, line 33' });
  await menu.getByRole('menuitem', { name: 'Add Logpoint…' }).click();
  const logInput = page.getByRole('textbox', { name: 'Log Message' });
  await expect(logInput).toBeFocused();
  await logInput.fill('findings: {findings.length}, first {findings[0].service}');
  await logInput.press('Enter');
  await expect(page.locator('.cm-breakpoint-log')).toHaveCount(1);

  // a conditional breakpoint in topSignatures (line 22): it stops for the service with few entries only
  await clickGutter(page, 22, 'right');
  await page.getByRole('menu', { name: 'Breakpoint actions, line 22' }).getByRole('menuitem', { name: 'Add Conditional Breakpoint…' }).click();
  const cond = page.getByRole('textbox', { name: 'Expression' });
  await cond.fill('entries.length < 10');
  await cond.press('Enter');
  await expect(page.locator('.cm-breakpoint-conditional')).toHaveCount(1);

  // F9 on the cursor line adds (and removes) a plain breakpoint
  const editor = page.getByRole('textbox', { name: 'Editor: incident-triage.js' });
  await editor.locator('.cm-line').nth(33).click();
  await page.keyboard.press('F9');
  await expect(page.locator('.cm-breakpoint-plain')).toHaveCount(1);
  await page.keyboard.press('F9');
  await expect(page.locator('.cm-breakpoint-plain')).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Activity Bar' }).getByRole('button', { name: 'Run and Debug' }).click();
  const side = page.getByRole('complementary', { name: 'Side Bar' });
  const list = side.getByRole('list', { name: 'Breakpoints' });
  await expect(list).toContainText('log findings: {findings.length}, first {findings[0].service}');
  await expect(list).toContainText('when entries.length < 10');

  await page.keyboard.press('F5');
  const status = page.getByRole('contentinfo', { name: 'Status Bar' });
  await expect(status).toContainText('Paused on breakpoint — incident-triage.js:22', RUN);
  await expect(side.getByRole('listbox', { name: 'Call Stack' }).getByRole('option', { selected: true })).toContainText('topSignatures');
  const variables = side.getByRole('tree', { name: 'Variables' });
  await expect(variables.getByRole('treeitem', { name: /^limit: / })).toContainText('3');
  const entries = variables.getByRole('treeitem', { name: /^entries: / });
  await entries.locator('.row').first().click();
  await expect(entries.getByRole('treeitem', { name: /^0: / })).toContainText('timeout calling payments-api');
  await page.screenshot({ path: testInfo.outputPath('debugger-conditional-dark.png') });

  // continue to the end: the logpoint logs without stopping, then the result
  await page.keyboard.press('F5');
  const log = page.getByRole('log', { name: 'Debug Console output' });
  await expect(log).toContainText('Result:', RUN);
  await expect(log).toContainText('findings: 3, first "checkout"');
  await expect(status).toContainText('Finished incident-triage.js');
  expect(consoleErrors).toEqual([]);
});

test('a debugger statement pauses the run where it stands', async ({ page, studio, consoleErrors }) => {
  await page.goto(studio.url);
  const editor = page.getByRole('textbox', { name: 'Editor: incident-triage.js' });
  await expect(editor).toContainText('await Promise.all(');
  // line 17, the first statement of topSignatures (called once per service)
  await editor.click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < 17; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type(' debugger;');
  await expect(page.locator('.cm-line').nth(16)).toHaveText('  const counts = new Map(); debugger;');

  await page.keyboard.press('F5');
  const status = page.getByRole('contentinfo', { name: 'Status Bar' });
  await expect(status).toContainText('Paused on debugger statement — incident-triage.js:17', RUN);
  await expect(pausedLine(page)).toContainText('debugger;');
  const side = page.getByRole('complementary', { name: 'Side Bar' });
  await page.getByRole('navigation', { name: 'Activity Bar' }).getByRole('button', { name: 'Run and Debug' }).click();
  await expect(side.getByRole('listbox', { name: 'Call Stack' }).getByRole('option').first()).toContainText('topSignatures');
  await expect(side).toContainText('Paused on debugger statement');
  // `counts` ran before it: a Map, empty so far
  await expect(side.getByRole('tree', { name: 'Variables' }).getByRole('treeitem', { name: /^counts: / })).toContainText('Map(0)');

  // each stop is a different call: the caller's frame (the map callback) names its service
  const stack = side.getByRole('listbox', { name: 'Call Stack' });
  const variables = side.getByRole('tree', { name: 'Variables' });
  for (const [k, service] of ['checkout', 'payments', 'inventory'].entries()) {
    if (k > 0) {
      await page.keyboard.press('F5'); // Continue: the next call stops there again
      await expect(status).toContainText('Paused on debugger statement — incident-triage.js:17', RUN);
    }
    // (the status text is the same at every stop: wait for the new stop's frames)
    await expect(async () => {
      await stack.getByRole('option').nth(1).click();
      await expect(variables.getByRole('treeitem', { name: /^service: / })).toContainText(`"${service}"`, { timeout: 2_000 });
    }).toPass(RUN);
    await stack.getByRole('option').first().click();
  }
  // …and then the run goes on to its end
  await page.keyboard.press('F5');
  await expect(status).toContainText('Finished incident-triage.js', RUN);
  expect(consoleErrors).toEqual([]);
});
