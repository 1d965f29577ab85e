/**
 * The Debug Console, the Bytecode panel and the heat map, in Chromium through browser mode:
 * console levels, filter and the run's result; the bytecode of the script with source ↔
 * instruction linking (Compiler Explorer colours); the heat map's per-line counts.
 */
import type { Page } from '@playwright/test';
import { expect, expectWorkbench, test } from './fixtures';

// runs start sidecars and profile: generous on a shared, loaded machine (not a timing assertion)
test.setTimeout(120_000);

const LEVELS_SNIPPET = "console.info('info line'); console.warn('warn line'); console.error('error line'); console.debug('debug line');\n";

/** The breakpoint gutter's cell for a 1-based line (clicking the gutter at that line's height). */
async function clickGutter(page: Page, line: number): Promise<void> {
  const editor = page.locator('.cm-editor');
  const row = editor.locator('.cm-line').nth(line - 1);
  await row.scrollIntoViewIfNeeded();
  const g = await editor.locator('.cm-breakpoint-gutter').boundingBox();
  const r = await row.boundingBox();
  if (!g || !r) throw new Error('editor not laid out');
  await page.mouse.click(g.x + g.width / 2, r.y + r.height / 2);
}

/** Sets a breakpoint on `line`, runs, and waits until the program stops there. */
async function runToBreakpoint(page: Page, line: number): Promise<void> {
  await clickGutter(page, line);
  await expect(page.locator('.cm-breakpoint')).toHaveCount(1);
  await page.getByRole('toolbar', { name: 'Debug' }).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).toContainText(`Paused on breakpoint — incident-triage.js:${line}`, { timeout: 60_000 });
}

/** Types at the start of the example (its last expression stays its result). */
async function typeAtStart(page: Page, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Editor: incident-triage.js' });
  await editor.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText(text);
}

/** Both themes: the panel as it looks in the dark theme, then the light one. */
async function shootBothThemes(page: Page, path: (name: string) => string, name: string): Promise<void> {
  await page.screenshot({ path: path(`${name}-dark.png`) });
  await page.getByRole('button', { name: 'Theme: Auto' }).click(); // Auto → Light
  await expect(page.getByRole('button', { name: 'Theme: Light' })).toBeVisible();
  await page.screenshot({ path: path(`${name}-light.png`) });
  await page.getByRole('button', { name: 'Theme: Light' }).click(); // → Dark
  await page.getByRole('button', { name: 'Theme: Dark' }).click(); // → Auto
}

test('the Debug Console shows output by level, filters it, shows the result, and clears', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  await expectWorkbench(page, 'Browser mode');
  await typeAtStart(page, LEVELS_SNIPPET);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'Debug Console' });
  const log = panel.getByRole('log', { name: 'Debug Console output' });
  await expect(log).toContainText('Result: {', { timeout: 30_000 });
  for (const level of ['info', 'warn', 'error', 'debug']) await expect(log.locator(`.line.${level}`, { hasText: `${level} line` })).toBeVisible();
  await expect(log.locator('.line.log', { hasText: 'errors in the last hour' })).toBeVisible();
  // levels are coloured apart: warn and error lines differ from plain log lines
  const colour = (level: string) => log.locator(`.line.${level}`).first().evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).color);
  const [logColour, warnColour, errorColour, infoColour] = [await colour('log'), await colour('warn'), await colour('error'), await colour('info')];
  expect(new Set([logColour, warnColour, errorColour, infoColour]).size).toBe(4);
  await shootBothThemes(page, (n) => testInfo.outputPath(n), 'console');

  // the level toggles hide a level; the filter keeps matching lines (and the result)
  const warnings = panel.getByRole('button', { name: 'Warnings' });
  await warnings.click();
  await expect(warnings).toHaveAttribute('aria-pressed', 'false');
  await expect(log).not.toContainText('warn line');
  await expect(log).toContainText('error line');
  await warnings.click();
  await panel.getByRole('searchbox', { name: 'Filter console output' }).fill('line, !debug');
  await expect(log).toContainText('warn line');
  await expect(log).not.toContainText('debug line');
  // the guest's own log line is filtered out (the result line stays, and its summary quotes the same words)
  await expect(log.locator('.line.log', { hasText: 'errors in the last hour' })).toHaveCount(0);
  await panel.getByRole('searchbox', { name: 'Filter console output' }).fill('');
  await expect(log).toContainText('errors in the last hour');

  // evaluating needs a paused program: the prompt says so
  const prompt = panel.getByRole('textbox', { name: 'Evaluate expression' });
  await expect(prompt).toHaveAttribute('placeholder', /Pause the program/);
  await panel.getByRole('button', { name: 'Clear Console' }).click();
  await expect(log).not.toContainText('Result:');
  await expect(log).toContainText('Run the script (F5)');
  expect(consoleErrors).toEqual([]);
});

test('while paused, the console evaluates in the selected frame, with history and expandable objects', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  await expectWorkbench(page, 'Browser mode');
  await runToBreakpoint(page, 19);
  await page.getByRole('tab', { name: 'Debug Console' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Debug Console' });
  const log = panel.getByRole('log', { name: 'Debug Console output' });
  const prompt = panel.getByRole('textbox', { name: 'Evaluate expression' });
  await expect(prompt).toHaveAttribute('placeholder', /selected frame/);
  // a local of topSignatures' loop and a closure-free computation on it
  await prompt.fill('message.length > 0');
  await prompt.press('Enter');
  await expect(log.locator('.line.input').last()).toHaveText(/message\.length > 0/);
  await expect(log.locator('.line.eval .text').last()).toHaveText('true');
  await prompt.fill('({ limit, first: entries[0], count: entries.length })');
  await prompt.press('Enter');
  const tree = log.locator('.line.eval').last();
  await expect(tree.getByRole('button', { name: /\{limit: 3, first: \{…\}, count: \d+\}/ })).toHaveAttribute('aria-expanded', 'true');
  const first = tree.getByRole('button', { name: /^first: / });
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await first.click();
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await expect(tree).toContainText('message: "');
  // an error reads as a message, not a stack
  await prompt.fill('nope + 1');
  await prompt.press('Enter');
  await expect(log.locator('.line.eval-error .text').last()).toHaveText('ReferenceError: nope is not defined');
  await expect(log.locator('.line.eval-error').last()).not.toContainText('    at ');
  // ↑ walks back through the history, ↓ returns to the draft
  await prompt.fill('draft');
  await prompt.press('ArrowUp');
  await expect(prompt).toHaveValue('nope + 1');
  await prompt.press('ArrowUp');
  await expect(prompt).toHaveValue('({ limit, first: entries[0], count: entries.length })');
  await prompt.press('ArrowDown');
  await prompt.press('ArrowDown');
  await expect(prompt).toHaveValue('draft');
  await shootBothThemes(page, (n) => testInfo.outputPath(n), 'console-evaluate');
  expect(consoleErrors).toEqual([]);
});

test('while paused, the Bytecode panel shows the current function with the pc highlighted and following steps', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  await expectWorkbench(page, 'Browser mode');
  await runToBreakpoint(page, 19);
  await page.getByRole('tab', { name: 'Bytecode' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Bytecode' });
  const table = panel.getByRole('table', { name: 'Bytecode of topSignatures' });
  await expect(table).toBeVisible();
  await expect(panel.getByRole('combobox', { name: 'Function' })).toHaveValue('1');
  const pc = table.locator('tr[aria-current="step"]');
  await expect(pc).toHaveCount(1);
  await expect(pc.locator('td.where')).toHaveText(/^19:/);
  await expect(pc).toBeInViewport();
  await expect(panel.getByRole('status')).toContainText(/Paused at pc \d+/);
  const before = await pc.locator('td.pc').textContent();
  await shootBothThemes(page, (n) => testInfo.outputPath(n), 'bytecode-paused');
  // a step moves the highlight to the next statement's first instruction
  await page.getByRole('toolbar', { name: 'Debug' }).getByRole('button', { name: 'Step Over', exact: true }).click();
  await expect(pc.locator('td.where')).toHaveText(/^20:/, { timeout: 60_000 });
  expect(await pc.locator('td.pc').textContent()).not.toBe(before);
  // Step Instruction moves it by exactly one instruction
  const rows = table.locator('tr');
  const at = await rows.evaluateAll((trs) => trs.findIndex((tr) => tr.getAttribute('aria-current') === 'step'));
  await page.getByRole('toolbar', { name: 'Debug' }).getByRole('button', { name: 'Step Instruction', exact: true }).click();
  await expect(rows.nth(at + 1)).toHaveAttribute('aria-current', 'step', { timeout: 60_000 });
  expect(consoleErrors).toEqual([]);
});

test('the Bytecode panel lists the script; instructions and source lines highlight each other', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  await expectWorkbench(page, 'Browser mode');
  await page.getByRole('tab', { name: 'Bytecode' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Bytecode' });
  await expect(panel.getByRole('table', { name: 'Bytecode of <script>' })).toBeVisible();
  await expect(panel.getByRole('status')).toContainText('incident-triage.js as compiled (not running)');

  // one function, picked by name
  const picker = panel.getByRole('combobox', { name: 'Function' });
  await picker.selectOption({ label: (await picker.locator('option', { hasText: 'topSignatures' }).textContent())! });
  const table = panel.getByRole('table', { name: 'Bytecode of topSignatures' });
  await expect(table).toBeVisible();
  await expect(panel.getByRole('table', { name: 'Bytecode of <script>' })).toHaveCount(0);

  // hovering an instruction outlines its source span in the editor
  const replace = table.getByRole('row', { name: /GetMethod .*"replace"/ });
  await replace.hover();
  const span = page.locator('.cm-editor .cm-bc-span');
  await expect(span).toHaveText(/message\.replace/);
  // …and its source line has the colour of its instructions
  const rowColour = await replace.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor);
  const line19 = page.locator('.cm-editor .cm-line.cm-bc-line', { hasText: 'const signature = message.replace' });
  await expect(line19).toHaveClass(/cm-bc-active/);
  expect(await line19.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor)).toBe(rowColour);
  // neighbouring lines get different colours
  const line20 = page.locator('.cm-editor .cm-line.cm-bc-line', { hasText: 'counts.set(signature' });
  expect(await line20.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor)).not.toBe(rowColour);
  await shootBothThemes(page, (n) => testInfo.outputPath(n), 'bytecode-hover-instruction');

  // hovering a source line highlights its instructions
  await line20.hover();
  const linked = table.locator('tr.linked');
  await expect(linked.first()).toBeVisible();
  await expect(linked.filter({ hasText: '"set"' })).toHaveCount(1);
  expect(await linked.count()).toBeGreaterThan(3);
  for (const row of await linked.all()) await expect(row.locator('td.where')).toHaveText(/^20:/);

  // clicking an instruction selects its span in the editor (the status bar shows the cursor there)
  await replace.click();
  await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).toContainText('Ln 19,');
  expect(consoleErrors).toEqual([]);
});

test('the heat map toggles on with per-line instruction counts, and off', async ({ page, studio, consoleErrors }, testInfo) => {
  await page.goto(studio.url);
  await expectWorkbench(page, 'Browser mode');
  const toggle = page.getByRole('button', { name: 'Heat Map' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const legend = page.getByRole('status', { name: 'Heat map legend' });
  await expect(legend).toContainText(/[\d,]+ instructions/, { timeout: 60_000 });
  await expect(legend).toContainText(/hottest: line \d+/);
  // counts in the gutter, with exact figures in their tooltips; the hot loop body outweighs a declaration
  const markers = page.locator('.cm-heat-gutter .cm-heat-marker');
  expect(await markers.count()).toBeGreaterThan(5);
  const titles = await markers.evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? ''));
  expect(titles.every((t) => /^[\d,]+ instructions \(\d+\.\d% of the run\)$/.test(t))).toBe(true);
  await expect(page.locator('.cm-line.cm-heat-line', { hasText: 'counts.set(signature' })).toHaveClass(/cm-heat-5|cm-heat-4/);
  await expect(page.locator('.cm-line.cm-heat-line', { hasText: "const lastHour = {" })).toHaveClass(/cm-heat-[1-3]/);
  await shootBothThemes(page, (n) => testInfo.outputPath(n), 'heatmap');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(legend).toHaveCount(0);
  await expect(page.locator('.cm-heat-marker')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
