/**
 * End-to-end tests in real Chromium (Debian's /usr/bin/chromium, or CAPSULE_CHROMIUM): browser
 * mode always, the Electron app where Electron can run. `npm run test:e2e` builds first.
 */
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');

/** Chromium for the browser-mode tests; Playwright's own browser download is not used. */
export const chromiumPath = process.env['CAPSULE_CHROMIUM'] ?? '/usr/bin/chromium';

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
      // Without the networking flags Chromium phones home at start; this machine's closed
      // network refuses that noisily. --no-sandbox because CI runs as root.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--disable-extensions',
      ],
    },
  },
});
