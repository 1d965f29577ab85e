/**
 * Installs the peer engines the bench compares against when they are missing.
 * mustardscript cannot live in package.json: its optional bindings for other platforms
 * are not published, so no lockfile can list them and `npm ci` would refuse the project.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PEERS = ['mustardscript@0.2.1'];
for (const spec of PEERS) {
  const name = spec.slice(0, spec.lastIndexOf('@'));
  try {
    require.resolve(name);
  } catch {
    console.log(`bench: installing ${spec} (not saved to package.json)…`);
    try {
      execFileSync('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', spec], { stdio: 'inherit' });
    } catch {
      console.log(`bench: could not install ${spec}; that engine will be reported as unavailable`);
    }
  }
}
