// Unit tests: every test/**/*.test.ts (studio, core, differential…); the e2e specs are *.e2e.ts.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { constEnums } from '../build/const-enums.mjs';

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  // core's const enums inlined, as in the bundled build (the VM's dispatch depends on it)
  plugins: [constEnums()],
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // generous harness timeouts: CI machines are shared and slow (these are not timing assertions)
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
