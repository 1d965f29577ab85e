// postinstall: downloads the Electron binary with electron's own install script.
//
// package.json's allowScripts denies electron's postinstall, so npm never fails (or drops the
// package and its type definitions) on a machine that cannot reach Electron's download host. This
// script runs the same download itself and only reports when it fails: `npm start` then falls
// back to browser mode. ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips the attempt (CI sets it).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let installScript;
try {
  installScript = require.resolve('electron/install.js');
} catch {
  console.log('capsule: the optional electron package is not installed; npm start will use browser mode.');
  process.exit(0);
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('capsule: ELECTRON_SKIP_BINARY_DOWNLOAD is set; Electron binary not downloaded, npm start will use browser mode.');
  process.exit(0);
}
const result = spawnSync(process.execPath, [installScript], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
if (result.status === 0) {
  console.log('capsule: Electron binary ready.');
} else {
  const why = `${result.stderr ?? ''}`.split('\n').find((line) => /\S/.test(line))?.trim() ?? `exit ${result.status}`;
  console.log(`capsule: Electron binary not downloaded (${why}); npm start will use browser mode.`);
}
