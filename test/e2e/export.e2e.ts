/**
 * The Export dialog (docs/EXPORT.md) on a temporary copy of examples/: a passing script is
 * validated, its scenarios run with progress, its manifest and limits shown, and Export writes a
 * signed artifact core's loader verifies; a failing scenario or a validation error is refused
 * with the reason shown, and nothing is written.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadArtifact } from '../../core/artifact';
import { expect, expectWorkbench, root, test } from './fixtures';

test('exports a script whose scenarios pass: a signed artifact core loads and verifies', async ({ page, freshStudio, consoleErrors }, testInfo) => {
  await page.goto(freshStudio.url);
  await expectWorkbench(page, 'Browser mode');
  await page.getByRole('textbox', { name: 'Editor: incident-triage.js' }).click();
  await page.keyboard.press('Control+Shift+E');

  const dialog = page.getByRole('dialog', { name: 'Export incident-triage.js' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('export-progress')).toHaveText('4/4', { timeout: 60_000 });
  const results = dialog.getByRole('list', { name: 'Scenario results' }).getByRole('listitem');
  await expect(results).toHaveCount(4);
  await expect(results.first()).toContainText('checkout outage pages the on-call engineer');
  await expect(dialog.locator('.scenarios li.passed')).toHaveCount(4);
  await expect(dialog.getByRole('heading', { name: /Validation/ })).toContainText('valid');

  // the manifest: the four capabilities the script calls, with their schemas
  const manifest = dialog.getByRole('table', { name: 'Capabilities' });
  await expect(manifest.getByRole('row')).toHaveCount(5);
  await expect(manifest).toContainText('searchLogs');
  await expect(manifest).toContainText('"required":["service","level","from","to"]');
  // limits start from the run configuration, and are editable
  await expect(dialog.getByRole('heading', { name: /Limits/ })).toContainText('“Default”');
  const instructions = dialog.getByLabel('Instructions');
  await expect(instructions).toHaveValue('2000000');
  await instructions.fill('2500000');
  await expect(dialog.getByLabel('Output (workspace path)')).toHaveValue('dist/incident-triage.capsule');
  await expect(dialog.getByTestId('export-key')).toContainText('No key yet: Export creates one here');
  await expect(dialog.getByRole('status', { name: 'Export status' })).toContainText('Ready: press Export (Enter)');

  await instructions.press('Enter');
  const status = dialog.getByRole('status', { name: 'Export status' });
  await expect(status).toContainText('Wrote dist/incident-triage.capsule');
  await expect(status).toContainText('Created the signing key .capsule/signing-key.pem');
  await expect(dialog.getByTestId('export-key')).toContainText('Signed by sha256:');
  await expect(page.getByRole('treeitem', { name: 'dist' })).toBeVisible();

  const shot = testInfo.outputPath('studio-export.png');
  await page.screenshot({ path: shot });
  if (process.env['CAPSULE_UPDATE_SCREENSHOTS'] === '1') {
    mkdirSync(resolve(root, 'docs/screenshots'), { recursive: true });
    copyFileSync(shot, resolve(root, 'docs/screenshots/studio-export.png'));
  }

  // what was written is the capsule export format, signed by the workspace key
  const bytes = new Uint8Array(readFileSync(join(freshStudio.workspace, 'dist/incident-triage.capsule')));
  const artifact = loadArtifact(bytes, { publicKey: readFileSync(join(freshStudio.workspace, '.capsule/signing-key.pem.pub'), 'utf8') });
  expect(artifact.name).toBe('incident-triage.js');
  expect(artifact.signer.verifiedWith).toBe('publicKey');
  expect(artifact.manifest.capabilities.map((c) => c.name).sort()).toEqual(['listDeploys', 'lookupOwner', 'queryMetrics', 'searchLogs']);
  expect(artifact.manifest.limits.instructions).toBe(2_500_000);

  // Enter again closes the finished dialog; Esc would too
  await dialog.press('Enter');
  await expect(dialog).toBeHidden();
  expect(consoleErrors).toEqual([]);
});

test('refuses a script with a failing scenario: the reason and the diff shown, no file written', async ({ page, freshStudio, consoleErrors }, testInfo) => {
  const file = join(freshStudio.workspace, 'incident-triage.scenarios.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"severity": "sev2"', '"severity": "sev1"'));
  await page.goto(freshStudio.url);
  await expectWorkbench(page, 'Browser mode');
  // from the Run and Debug view
  await page.getByRole('navigation', { name: 'Activity Bar' }).getByRole('button', { name: 'Run and Debug' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Export incident-triage.js' });
  await expect(dialog.getByTestId('export-progress')).toHaveText('4/4 · 1 failed', { timeout: 60_000 });
  await expect(dialog.locator('pre.diff')).toContainText('result.severity: expected "sev1", got "sev2"');
  const refusal = dialog.getByRole('alert', { name: 'Export status' });
  await expect(refusal).toContainText('Export refused:');
  await expect(refusal).toContainText(`scenario 'checkout outage pages the on-call engineer' failed: result.severity: expected "sev1", got "sev2"`);
  const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
  await expect(exportButton).toBeDisabled();
  await dialog.getByLabel('Instructions').press('Enter'); // Enter does not export either
  // the light theme (Auto follows the OS preference) for a look at both
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: testInfo.outputPath('export-refused-light.png') });
  await expect(refusal).toContainText('Export refused:');
  expect(existsSync(join(freshStudio.workspace, 'dist'))).toBe(false);
  expect(existsSync(join(freshStudio.workspace, '.capsule/signing-key.pem'))).toBe(false);

  await dialog.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export…' })).toBeFocused(); // focus goes back
  expect(consoleErrors).toEqual([]);
});

test('refuses a script that does not validate; a finding jumps to its line in the editor', async ({ page, freshStudio, consoleErrors }) => {
  const script = join(freshStudio.workspace, 'incident-triage.js');
  const text = readFileSync(script, 'utf8');
  writeFileSync(script, `${text}eval('1');\n`);
  const line = text.split('\n').length; // the appended line
  await page.goto(freshStudio.url);
  const editor = page.getByRole('textbox', { name: 'Editor: incident-triage.js' });
  await expect(editor).toContainText('Incident triage');
  await editor.click();
  await page.keyboard.press('Control+Shift+E');

  const dialog = page.getByRole('dialog', { name: 'Export incident-triage.js' });
  await expect(dialog.getByRole('heading', { name: /Validation/ })).toContainText('1 error');
  await expect(dialog.getByRole('alert', { name: 'Export status' })).toContainText(`incident-triage.js does not validate: 1 error (first at ${line}:1 CAP1001`);
  await expect(dialog.getByText('4 scenarios were not run: the script does not validate')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await dialog.getByRole('list', { name: 'Validation findings' }).getByRole('button', { name: new RegExp(`^${line}:1 CAP1001`) }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('contentinfo', { name: 'Status Bar' })).toContainText(`Ln ${line}, Col 1`);
  expect(existsSync(join(freshStudio.workspace, 'dist'))).toBe(false);
  expect(consoleErrors).toEqual([]);
});
