/**
 * Finds a runnable Electron for `npm start` and the Electron end-to-end tests. Electron is an
 * optional dependency whose binary is downloaded after install, so it may be missing; callers
 * fall back to browser mode (or skip) and say why.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Either the path of the Electron executable or why there is none to run. */
export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/** Looks for the executable the `electron` package points at, and a display to show it on. */
export function findElectron(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const require = createRequire(import.meta.url);
  let path: unknown;
  try {
    require.resolve('electron/package.json');
  } catch {
    return { ok: false, reason: 'the optional electron package is not installed' };
  }
  try {
    // The package's main export is the executable's path; it throws when the download never happened.
    path = require('electron');
  } catch {
    return {
      ok: false,
      reason: 'the Electron binary is not installed (npm install could not or was told not to download it)',
    };
  }
  if (typeof path !== 'string' || !existsSync(path)) {
    return { ok: false, reason: `the Electron binary is missing at ${String(path)}` };
  }
  if (process.platform === 'linux' && !env['DISPLAY'] && !env['WAYLAND_DISPLAY']) {
    return { ok: false, reason: 'no display (DISPLAY/WAYLAND_DISPLAY unset); try xvfb-run' };
  }
  return { ok: true, path };
}
