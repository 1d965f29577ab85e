/**
 * The Capabilities view end to end in browser mode, on a temporary copy of examples/: edit a
 * mock and rerun (the result changes, the file on disk too), answer an "ask me" call checked
 * against the result schema, and a call whose arguments break the schema flagged in the log.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { copyExamples, expect, root, startStudio, test as base } from './fixtures';

interface Studio {
  url: string;
  workspace: string;
}

/**
 * Browser mode on a temporary copy of examples/ (these tests write mocks files), one server per
 * worker so its sidecars stay warm; each test starts from the example's own mocks file.
 */
const test = base.extend<{ cap: Studio }, { capServer: Studio }>({
  cap: async ({ capServer }, use) => {
    copyFileSync(resolve(root, 'examples/incident-triage.mocks.json'), join(capServer.workspace, 'incident-triage.mocks.json'));
    await use(capServer);
  },
  capServer: [
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

// a run starts sidecars; on a loaded machine that takes a while
test.describe.configure({ timeout: 180_000 });
/** How long a run may take to answer on a busy machine (a wait, not a performance bound). */
const RUN = { timeout: 60_000 };

function publish(file: string, name: string): void {
  if (process.env['CAPSULE_UPDATE_SCREENSHOTS'] !== '1') return;
  const dir = resolve(root, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, resolve(dir, name));
}

async function openCapabilities(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('textbox', { name: 'Editor: incident-triage.js' })).toContainText('lookupOwner');
  await page.getByRole('button', { name: 'Capabilities' }).click();
  await expect(page.getByRole('list', { name: 'Mock capabilities' }).getByRole('button', { name: 'lookupOwner' })).toBeVisible();
}

/** Runs the script (F5) and waits for the run to end or to wait for the user. */
async function run(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Editor: incident-triage.js' }).click();
  await page.keyboard.press('F5');
}

const consoleOutput = (page: Page) => page.getByRole('log', { name: 'Debug Console output' });

/** Replaces a JSON field's text (select all, type) so the input events fire as for a user. */
async function fillJson(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.fill(text);
}

test('edit a mock and rerun: the result changes, and the mocks file is saved', async ({ page, cap, consoleErrors }) => {
  await openCapabilities(page, cap.url);
  await run(page);
  await expect(consoleOutput(page)).toContainText('"page": "ada@example.com"', RUN);
  // the live call log: every call, answered by the mocks
  const log = page.getByRole('table', { name: 'Call log' });
  await expect(log.getByRole('row', { name: /^Call \d+ lookupOwner$/ })).toContainText('mock');
  await expect(log.getByRole('row', { name: /^Call \d+ searchLogs$/ })).toHaveCount(3);

  await page.getByRole('button', { name: 'lookupOwner' }).click();
  const editor = page.getByRole('form', { name: 'Capability lookupOwner' });
  await expect(editor.getByRole('combobox', { name: 'Behaviour' })).toHaveValue('returns');
  await fillJson(page, 'Fixed value (JSON)', '{ "team": "payments", "onCall": "grace@example.com" }');
  // the file on disk follows the edit (written through the workspace)
  await expect.poll(() => JSON.parse(readFileSync(join(cap.workspace, 'incident-triage.mocks.json'), 'utf8')).capabilities.lookupOwner.returns).toEqual({
    team: 'payments',
    onCall: 'grace@example.com',
  });
  await run(page);
  await expect(consoleOutput(page)).toContainText('"page": "grace@example.com"', RUN);
  await expect(consoleOutput(page)).not.toContainText('ada@example.com');

  // bad JSON is shown inline and not saved
  await fillJson(page, 'Fixed value (JSON)', '{ "team": ');
  await expect(editor.getByRole('list', { name: 'Fixed value (JSON) problems' })).toContainText('Not valid JSON');
  await page.waitForTimeout(600);
  expect(JSON.parse(readFileSync(join(cap.workspace, 'incident-triage.mocks.json'), 'utf8')).capabilities.lookupOwner.returns.onCall).toBe('grace@example.com');
  expect(consoleErrors).toEqual([]);
});

test('ask me: the run waits, the answer is checked against the result schema, and the run goes on', async ({ page, cap, consoleErrors }, testInfo) => {
  await openCapabilities(page, cap.url);
  await page.getByRole('button', { name: 'lookupOwner' }).click();
  const editor = page.getByRole('form', { name: 'Capability lookupOwner' });
  await editor.getByRole('combobox', { name: 'Behaviour' }).selectOption('ask');
  await editor.getByRole('textbox', { name: 'Question shown with each call' }).fill('Who owns this service?');
  await editor.getByRole('textbox', { name: 'Question shown with each call' }).press('Tab');
  // a result schema from a template, then edited: an object that needs onCall
  await fillJson(page, 'Result schema', '{ "type": "object", "required": ["onCall"], "properties": { "onCall": { "type": "string" } } }');
  await expect
    .poll(() => JSON.parse(readFileSync(join(cap.workspace, 'incident-triage.mocks.json'), 'utf8')).capabilities.lookupOwner)
    .toMatchObject({ ask: 'Who owns this service?', result: { required: ['onCall'] } });

  await run(page);
  const waiting = page.getByRole('region', { name: 'Waiting for you' });
  await expect(waiting).toContainText('Who owns this service?', RUN);
  await expect(waiting.getByLabel(/^Arguments of call \d+$/)).toContainText('"service": "checkout"');
  const answer = waiting.getByRole('textbox', { name: 'Answer to lookupOwner (JSON)' });
  await answer.fill('{ "team": "sre" }');
  await expect(waiting.getByRole('list', { name: 'Answer to lookupOwner (JSON) problems' })).toContainText("result must have property 'onCall'");
  await expect(waiting.getByRole('button', { name: 'Send Answer' })).toBeDisabled();
  await answer.fill('{ "team": "sre", "onCall": "lin@example.com" }');
  await expect(waiting.getByRole('button', { name: 'Send Answer' })).toBeEnabled();
  const shot = testInfo.outputPath('capabilities-ask-me.png');
  await page.screenshot({ path: shot });
  publish(shot, 'capabilities-ask-me.png');
  await waiting.getByRole('button', { name: 'Send Answer' }).click();

  await expect(consoleOutput(page)).toContainText('"page": "lin@example.com"', RUN);
  await expect(waiting).toHaveCount(0);
  const row = page.getByRole('table', { name: 'Call log' }).getByRole('row', { name: /^Call \d+ lookupOwner$/ });
  await expect(row).toContainText('you');
  await expect(row).toContainText('lin@example.com');
  expect(consoleErrors).toEqual([]);
});

test('a call whose arguments break the schema is flagged in the call log', async ({ page, cap, consoleErrors }, testInfo) => {
  await openCapabilities(page, cap.url);
  await page.getByRole('button', { name: 'lookupOwner' }).click();
  // an argument schema from a template: one object that must have "id" — the script passes { service }
  await page.getByRole('combobox', { name: 'Template for Argument schema (the argument list)' }).selectOption('args-object');
  await expect(page.getByRole('textbox', { name: 'Argument schema (the argument list)' })).toHaveValue(/"required": \[\s*"id"\s*\]/);
  // a typo in a schema is a warning (unknown keyword), an invalid one an error: neither is lost
  await fillJson(page, 'Result schema', '{ "tpye": "object" }');
  await expect(page.getByRole('list', { name: 'Result schema problems' })).toContainText('unknown keyword: "tpye"');
  await fillJson(page, 'Result schema', '{ "type": 12 }');
  await expect(page.getByRole('list', { name: 'Result schema problems' })).toContainText('Invalid JSON Schema');
  await fillJson(page, 'Result schema', '');
  await expect.poll(() => JSON.parse(readFileSync(join(cap.workspace, 'incident-triage.mocks.json'), 'utf8')).capabilities.lookupOwner.args?.items?.[0]?.required).toEqual(['id']);

  await run(page);
  await expect(consoleOutput(page)).toContainText("lookupOwner(): arguments[0] must have required property 'id'", RUN);
  const log = page.getByRole('table', { name: 'Call log' });
  const flagged = log.getByRole('row', { name: /^Call \d+ lookupOwner \(schema violation\)$/ });
  await expect(flagged).toContainText('schema');
  await expect(flagged).toContainText('throws TypeError');
  await expect(log).toContainText("lookupOwner(): arguments[0] must have required property 'id'");
  await expect(page.getByLabel('1 schema violations')).toBeVisible();
  await flagged.scrollIntoViewIfNeeded();
  const shot = testInfo.outputPath('capabilities-call-log.png');
  await page.screenshot({ path: shot });
  publish(shot, 'capabilities-call-log.png');
  expect(consoleErrors).toEqual([]);
});
