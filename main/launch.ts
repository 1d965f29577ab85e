/**
 * `npm start`: the Electron app where Electron can run, otherwise browser mode, saying why in
 * one line. Runs under tsx before anything is built.
 */
import { spawn } from 'node:child_process';
import { findElectron } from './electron-binary';

const electron = findElectron();
const args = process.argv.slice(2);

function run(command: string, commandArgs: string[]): void {
  // npm and electron-vite are .cmd shims on Windows, which only a shell runs.
  const child = spawn(command, commandArgs, { stdio: 'inherit', shell: process.platform === 'win32' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (electron.ok) {
  run('electron-vite', ['preview', ...args]);
} else {
  console.log(`Electron cannot start here: ${electron.reason}. Starting browser mode instead (npm run start:web).`);
  run('npm', ['run', 'start:web', '--', ...args]);
}
