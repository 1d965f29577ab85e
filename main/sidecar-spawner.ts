/**
 * Electron's sidecar spawner: the same sidecar entry (core/host/sidecar/entry.ts, built by
 * electron-vite as out/main/sidecar.js) started with `utilityProcess.fork`. rlimits are
 * applied with `prlimit --pid` on Linux right after the start (utilityProcess cannot be
 * wrapped); the V8 flags, permission flags and the scrubbed environment are passed as is.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { utilityProcess } from 'electron';
import type { SidecarChild, Spawner } from '../core/host/sidecar/client';

export function electronSpawner(): Spawner {
  const prlimit = process.platform === 'linux' ? ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p)) : undefined;
  return (req) => {
    const child = utilityProcess.fork(req.entry, [], {
      execArgv: req.execArgv,
      env: req.env,
      stdio: ['ignore', 'ignore', 'pipe'],
      serviceName: 'Capsule sidecar',
    });
    const limits: string[] = [];
    if (req.rlimits.addressSpaceBytes) limits.push(`--as=${req.rlimits.addressSpaceBytes}`);
    if (req.rlimits.cpuSeconds) limits.push(`--cpu=${req.rlimits.cpuSeconds}`);
    if (prlimit && limits.length && child.pid) execFile(prlimit, ['--pid', String(child.pid), ...limits], () => {});
    const sidecar: SidecarChild = {
      get pid() {
        return child.pid;
      },
      postMessage: (m) => child.postMessage(m),
      onMessage: (l) => child.on('message', l),
      onExit: (l) => child.on('exit', (code) => l(code, null)),
      onStderr: (l) => child.stderr?.on('data', (d: Buffer) => l(d.toString('utf8'))),
      kill: () => {
        if (child.pid) process.kill(child.pid, 'SIGKILL');
        else child.kill();
      },
    };
    return sidecar;
  };
}
