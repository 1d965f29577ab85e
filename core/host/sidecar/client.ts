/**
 * The parent side of the sidecar: starts a sidecar process with OS-level limits, talks
 * the protocol (./protocol.ts) with request ids, checks every message it receives, and
 * runs the watchdog — a sidecar that stops sending heartbeats or overruns a request's
 * wall-clock limit is killed (SIGKILL), and its exit is classified (memory, time,
 * crash) for the sessions it hosted. Electron-free: the IDE passes a spawner built on
 * `utilityProcess.fork`; everything else uses {@link nodeSpawner} (`child_process.fork`).
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkMessage, PROTOCOL_VERSION, type Request, type RequestOp, type SessionEvent, type SidecarMessage, type WireError } from './protocol';

/** What a spawned sidecar process looks like to the client (child_process or utilityProcess). */
export interface SidecarChild {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** Lines the process wrote to stderr (for classifying a crash). */
  onStderr(listener: (text: string) => void): void;
  kill(): void;
}

export interface SpawnRequest {
  entry: string;
  /** Node/V8 flags for the sidecar (heap cap, stack size, permissions). */
  execArgv: string[];
  /** The scrubbed environment. */
  env: Record<string, string>;
  /** rlimits to apply on Linux (prlimit), when available. */
  rlimits: { addressSpaceBytes?: number; cpuSeconds?: number };
}

export type Spawner = (request: SpawnRequest) => SidecarChild;

/** Why a sidecar ended. */
export type ExitCause = 'memory' | 'time' | 'unresponsive' | 'crash' | 'closed';

export interface SidecarExit {
  cause: ExitCause;
  code: number | null;
  signal: string | null;
  /** One line for the user. */
  message: string;
}

/** A request failed: a core error from the session, or the sidecar went away. */
export class SidecarError extends Error {
  constructor(
    readonly wire: WireError | null,
    readonly exit: SidecarExit | null,
    message: string,
  ) {
    super(message);
    this.name = 'SidecarError';
  }
}

export interface SidecarOptions {
  entry?: string;
  spawner?: Spawner;
  /** V8 old-space cap of the sidecar (MiB). */
  heapMiB?: number;
  /** V8 stack size (KiB). */
  stackKiB?: number;
  /** RLIMIT_AS on Linux (bytes); 0 = none. */
  addressSpaceBytes?: number;
  /** RLIMIT_CPU on Linux (seconds of CPU for the sidecar's lifetime); 0 = none. */
  cpuSeconds?: number;
  /** Kill the sidecar when no heartbeat arrived for this long (default 10 s; time this process was starved itself is not counted). */
  heartbeatTimeoutMs?: number;
  /** How long the process may take to start and say `ready` (default 30 s, never less than the heartbeat timeout). */
  startTimeoutMs?: number;
  /** Use Node's permission model (no file writes, child processes, workers, addons). */
  permissions?: boolean;
  /** Directories the sidecar may read besides its entry's (e.g. node_modules for an unbundled entry). */
  readPaths?: string[];
  /** Called for messages that were rejected (malformed or unexpected). */
  onRejected?: (reason: string) => void;
}

const HERE = dirname(fileURLToPath(import.meta.url));

/** Where the built sidecar entry is: beside this bundle, or in out/core from the sources. */
export function defaultSidecarEntry(): string {
  const candidates = [resolve(HERE, 'sidecar.mjs'), resolve(HERE, '../../../out/core/sidecar.mjs'), resolve(HERE, '../core/sidecar.mjs')];
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error('the sidecar entry is not built: run `npm run build:core`');
}

/** Starts sidecars with `child_process.fork` (advanced serialization), wrapped in prlimit on Linux. */
export function nodeSpawner(): Spawner {
  const prlimit = process.platform === 'linux' ? ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p)) : undefined;
  return (req) => {
    const limits: string[] = [];
    if (req.rlimits.addressSpaceBytes) limits.push(`--as=${req.rlimits.addressSpaceBytes}`);
    if (req.rlimits.cpuSeconds) limits.push(`--cpu=${req.rlimits.cpuSeconds}`);
    const wrap = prlimit && limits.length > 0;
    // fork runs `execPath ...execArgv entry`: prlimit applies the limits, then execs node
    const child = fork(req.entry, [], {
      execPath: wrap ? prlimit : process.execPath,
      execArgv: wrap ? [...limits, '--', process.execPath, ...req.execArgv] : req.execArgv,
      env: req.env,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    return {
      get pid() {
        return child.pid;
      },
      postMessage: (m) => {
        if (child.connected) child.send(m as never);
      },
      onMessage: (l) => child.on('message', l),
      onExit: (l) => child.on('exit', (code, signal) => l(code, signal)),
      onStderr: (l) => child.stderr?.on('data', (d: Buffer) => l(d.toString('utf8'))),
      kill: () => child.kill('SIGKILL'),
    };
  };
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  timer: ReturnType<typeof setTimeout> | null;
}

/** One sidecar process. */
export class Sidecar {
  readonly pid: number | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, (e: SessionEvent) => void>();
  private lastBeat = Date.now();
  /** Set by the sidecar's `ready` message. */
  private started = false;
  private stderr = '';
  private killedFor: ExitCause | null = null;
  private exitInfo: SidecarExit | null = null;
  private readonly watchdog: ReturnType<typeof setInterval>;
  private readyResolve!: () => void;
  /** Resolves when the sidecar said it is ready. */
  readonly ready: Promise<void>;
  /** Resolves when the process has exited. */
  readonly exited: Promise<SidecarExit>;
  /** Sessions opened on this sidecar over its life (for recycling). */
  sessionsOpened = 0;
  readonly openSessions = new Set<string>();

  constructor(
    private readonly child: SidecarChild,
    private readonly options: SidecarOptions,
  ) {
    this.pid = child.pid;
    this.ready = new Promise((r) => (this.readyResolve = r));
    let exitResolve!: (e: SidecarExit) => void;
    this.exited = new Promise((r) => (exitResolve = r));
    child.onStderr((t) => {
      this.stderr = (this.stderr + t).slice(-8192);
    });
    child.onMessage((m) => this.receive(m));
    child.onExit((code, signal) => {
      clearInterval(this.watchdog);
      const exit = this.classify(code, signal);
      this.exitInfo = exit;
      for (const [, p] of this.pending) {
        if (p.timer) clearTimeout(p.timer);
        p.reject(new SidecarError(null, exit, exit.message));
      }
      this.pending.clear();
      exitResolve(exit);
    });
    const timeout = options.heartbeatTimeoutMs ?? 10_000;
    const startTimeout = options.startTimeoutMs ?? 30_000;
    const tick = Math.min(500, Math.max(50, timeout / 4));
    let lastTick = Date.now();
    this.watchdog = setInterval(() => {
      const now = Date.now();
      // When this process itself was starved (its tick came late: a suspended laptop, a
      // saturated machine), the sidecar is not to blame for that stretch: credit it.
      const late = now - lastTick - tick;
      if (late > tick) this.lastBeat += late;
      lastTick = now;
      // Starting Node takes seconds on a loaded machine: until `ready` the start-up allowance applies.
      const allowed = this.started ? timeout : Math.max(timeout, startTimeout);
      if (now - this.lastBeat > allowed) this.kill('unresponsive');
    }, tick);
    this.watchdog.unref?.();
  }

  /** The exit, once the process is gone. */
  get exit(): SidecarExit | null {
    return this.exitInfo;
  }

  get alive(): boolean {
    return this.exitInfo === null;
  }

  /** Kills the process now (SIGKILL); `cause` is what the exit will be reported as. */
  kill(cause: ExitCause = 'closed'): void {
    if (!this.alive) return;
    this.killedFor ??= cause;
    this.child.kill();
  }

  /** Subscribes to one session's events. */
  onSession(session: string, listener: ((e: SessionEvent) => void) | null): void {
    if (listener) this.listeners.set(session, listener);
    else this.listeners.delete(session);
  }

  /**
   * Sends a request; resolves with its result. With `deadlineMs`, a sidecar that has not
   * answered in time is killed (cause 'time') — the hard stop for what cooperative
   * limits cannot interrupt.
   */
  request(op: RequestOp, session?: string, params?: unknown, deadlineMs?: number): Promise<unknown> {
    if (!this.alive) return Promise.reject(new SidecarError(null, this.exitInfo, this.exitInfo!.message));
    const id = this.nextId++;
    const message: Record<string, unknown> = { v: PROTOCOL_VERSION, type: 'request', id, op };
    if (session !== undefined) message.session = session;
    if (params !== undefined) message.params = params;
    return new Promise((resolve, reject) => {
      const timer = deadlineMs !== undefined ? setTimeout(() => this.kill('time'), deadlineMs) : null;
      this.pending.set(id, { resolve, reject, timer });
      this.child.postMessage(message as Request);
    });
  }

  private receive(m: unknown): void {
    const bad = checkMessage(m);
    if (bad) {
      this.options.onRejected?.(bad);
      return;
    }
    const msg = m as SidecarMessage;
    this.lastBeat = Date.now();
    switch (msg.type) {
      case 'heartbeat':
        return;
      case 'ready':
        this.started = true;
        this.readyResolve();
        return;
      case 'event':
        this.listeners.get(msg.session)?.(msg);
        return;
      case 'response': {
        const p = this.pending.get(msg.id);
        if (!p) {
          this.options.onRejected?.(`unexpected response id ${msg.id}`);
          return;
        }
        this.pending.delete(msg.id);
        if (p.timer) clearTimeout(p.timer);
        if (msg.ok) p.resolve(msg.result);
        else p.reject(new SidecarError(msg.error, null, msg.error.message));
      }
    }
  }

  private classify(code: number | null, signal: string | null): SidecarExit {
    const err = this.stderr;
    if (this.killedFor === 'time') return { cause: 'time', code, signal, message: 'the sidecar overran its wall-clock limit and was stopped' };
    if (this.killedFor === 'unresponsive') return { cause: 'unresponsive', code, signal, message: 'the sidecar stopped responding and was stopped' };
    if (this.killedFor === 'closed') return { cause: 'closed', code, signal, message: 'the sidecar was closed' };
    if (/heap out of memory|Allocation failed|Cannot allocate memory|OutOfMemory|Fatal process out of memory/i.test(err)) {
      return { cause: 'memory', code, signal, message: 'the sidecar ran out of memory (its OS/V8 memory limit) and was stopped' };
    }
    if (signal === 'SIGXCPU' || signal === 'SIGKILL' && /cpu/i.test(err)) return { cause: 'time', code, signal, message: 'the sidecar used up its CPU-time limit' };
    return { cause: 'crash', code, signal, message: `the sidecar crashed (${signal ? `signal ${signal}` : `exit code ${code}`})` };
  }
}

/** Builds the spawn request for the options: V8 flags, permissions, scrubbed env, rlimits. */
export function spawnRequest(options: SidecarOptions): SpawnRequest {
  const entry = options.entry ?? defaultSidecarEntry();
  const execArgv = [`--max-old-space-size=${options.heapMiB ?? 512}`, `--stack-size=${options.stackKiB ?? 984}`];
  if (options.permissions !== false && permissionFlag()) {
    // read access to the entry's own directory (bundles may have sibling chunks) and any
    // code directories the host names (externalized dependencies); Node 20 wants wildcards
    const [major] = process.versions.node.split('.').map(Number);
    const dirs = [dirname(entry), ...(options.readPaths ?? [])];
    const list = dirs.map((d) => (major >= 22 ? d : `${d}/*`)).join(',');
    execArgv.push(permissionFlag()!, `--allow-fs-read=${list}`, '--disable-warning=ExperimentalWarning');
  }
  // scrubbed: nothing from the parent's environment reaches the sidecar
  const env: Record<string, string> = { NODE_OPTIONS: '' };
  if (process.env.CAPSULE_SIDECAR_HEARTBEAT_MS) env.CAPSULE_SIDECAR_HEARTBEAT_MS = process.env.CAPSULE_SIDECAR_HEARTBEAT_MS;
  return {
    entry,
    execArgv,
    env,
    rlimits: {
      addressSpaceBytes: options.addressSpaceBytes ?? 4 * 1024 ** 3,
      cpuSeconds: options.cpuSeconds ?? 0,
    },
  };
}

/** Node ≥ 22 has --permission; Node 20 --experimental-permission. */
function permissionFlag(): string | null {
  const [major] = process.versions.node.split('.').map(Number);
  if (major >= 22) return '--permission';
  if (major >= 20) return '--experimental-permission';
  return null;
}

/** Starts one sidecar and waits until it is ready. */
export async function launchSidecar(options: SidecarOptions = {}): Promise<Sidecar> {
  const spawner = options.spawner ?? nodeSpawner();
  const child = spawner(spawnRequest(options));
  const sidecar = new Sidecar(child, options);
  const failed = sidecar.exited.then((e) => {
    throw new SidecarError(null, e, `the sidecar did not start: ${e.message}`);
  });
  await Promise.race([sidecar.ready, failed]);
  return sidecar;
}
