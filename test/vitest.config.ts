// Unit tests: every test/**/*.test.ts (studio, core, differential…); the e2e specs are *.e2e.ts.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
