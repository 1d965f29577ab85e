/**
 * electron-vite builds the three parts from their own top-level folders into out/:
 * main/ (the Electron shell plus the browser-mode server entry), preload/ and renderer/.
 */
import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './main/csp';

const root = import.meta.dirname;

/** Puts the one CSP (main/csp.ts) into index.html, so the meta tag and the server header cannot drift. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'capsule:csp',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      // core's runtime dependencies are bundled, not left as node_modules imports: the sidecar
      // runs under Node's permission model, where Node 20 cannot resolve bare package imports
      externalizeDeps: { exclude: ['ajv', 'msgpackr', 'meriyah'] },
      rolldownOptions: {
        // web.ts is browser mode's entry, run by plain Node; it shares ./services with index.ts.
        // sidecar.js is the sidecar process both shells start (Electron: utilityProcess).
        input: {
          index: resolve(root, 'main/index.ts'),
          web: resolve(root, 'main/web.ts'),
          sidecar: resolve(root, 'core/host/sidecar/entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        // Sandboxed preloads cannot be ES modules: one self-contained CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [vue(), contentSecurityPolicy()],
    build: {
      // Minified: a third of the bytes for the page to parse on every load (and in every e2e test).
      minify: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
