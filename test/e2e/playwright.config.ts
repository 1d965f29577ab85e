/**
 * End-to-end tests in real Chromium (Debian's /usr/bin/chromium, or CAPSULE_CHROMIUM): browser
 * mode always, the Electron app where Electron can run. `npm run test:e2e` builds first.
 */
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './server';

export { chromiumPath };

const root = resolve(import.meta.dirname, '../..');

export default defineConfig({
  testDir: import.meta.dirname,
  testMatch: '*.e2e.ts',
  outputDir: resolve(root, 'test-output/e2e'),
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  workers: 1,
  // generous: shared CI machines are slow (these are not timing assertions)
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    colorScheme: 'dark',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
});
