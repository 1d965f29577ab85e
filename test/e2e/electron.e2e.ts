/**
 * The Electron app end to end, through Playwright's Electron support. Runs only where an
 * Electron binary was downloaded and a display exists; otherwise it says why it was skipped.
 */
import { _electron as electron } from '@playwright/test';
import { findElectron } from '../../main/electron-binary';
import { expect, expectWorkbench, root, test } from './fixtures';

const found = findElectron();

test('the Electron window shows the workbench with a locked-down renderer', async ({}, testInfo) => {
  if (!found.ok) {
    console.log(`Electron end-to-end test skipped: ${found.reason}.`);
    test.skip(true, `Electron cannot run here: ${found.reason}`);
    return;
  }
  const app = await electron.launch({
    executablePath: found.path,
    // The project folder: Electron reads package.json (name, version, main → out/main/index.js).
    // Chromium refuses to run as root with its OS sandbox, so root (as in CI) gets --no-sandbox for
    // this test; context isolation and a Node-free renderer still hold and are asserted below.
    args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  try {
    const page = await app.firstWindow();
    await expectWorkbench(page, 'Electron');
    // No Node in the renderer, only the bridge (evaluated in the page, hence globalThis).
    const globals = await page.evaluate(() => {
      const g = globalThis as { require?: unknown; process?: unknown; capsule?: object };
      return { require: typeof g.require, process: typeof g.process, capsule: Object.keys(g.capsule ?? {}).sort() };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', capsule: ['invoke', 'on'] });
    await page.screenshot({ path: testInfo.outputPath('electron.png') });
  } finally {
    await app.close();
  }
});
