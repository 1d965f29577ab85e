/**
 * A small pool of sidecars: sessions are spread over at most `size` processes, one warm
 * spare is kept ready so a new session does not wait for a process to start, and a
 * sidecar is recycled (closed) once it has hosted `recycleAfter` sessions and is idle.
 * A sidecar that dies takes only its own sessions with it; the next session gets a
 * fresh one.
 */
import { launchSidecar, type Sidecar, type SidecarOptions } from './client';

export interface PoolOptions extends SidecarOptions {
  /** Most sidecars at once (default 2). */
  size?: number;
  /** Sessions a sidecar hosts over its life before it is recycled (default 50). */
  recycleAfter?: number;
  /** Keep one idle sidecar started ahead of need (default true). */
  warmSpare?: boolean;
}

export class SidecarPool {
  private readonly sidecars: Sidecar[] = [];
  private launching: Promise<Sidecar> | null = null;
  private closed = false;

  constructor(private readonly options: PoolOptions = {}) {}

  /** Live sidecars (for tests and status). */
  get live(): readonly Sidecar[] {
    return this.sidecars.filter((s) => s.alive);
  }

  /** A sidecar for a new session (counted as opened on it). */
  async acquire(session: string): Promise<Sidecar> {
    if (this.closed) throw new Error('the sidecar pool is closed');
    this.prune();
    const recycleAfter = this.options.recycleAfter ?? 50;
    const size = this.options.size ?? 2;
    const usable = this.sidecars.filter((s) => s.alive && s.sessionsOpened < recycleAfter);
    let pick = usable.sort((a, b) => a.openSessions.size - b.openSessions.size)[0];
    if (!pick || (pick.openSessions.size > 0 && this.sidecars.length < size)) {
      pick = await this.launch();
    }
    pick.sessionsOpened++;
    pick.openSessions.add(session);
    this.ensureSpare();
    return pick;
  }

  /** The session ended: recycle the sidecar when it is used up and idle. */
  release(sidecar: Sidecar, session: string): void {
    sidecar.openSessions.delete(session);
    sidecar.onSession(session, null);
    if (sidecar.openSessions.size === 0 && sidecar.sessionsOpened >= (this.options.recycleAfter ?? 50)) {
      sidecar.kill('closed');
      this.prune();
      this.ensureSpare();
    }
  }

  /** Starts the warm spare now (an app at start-up), so the first session does not boot a process. */
  warm(): void {
    this.prune();
    this.ensureSpare();
  }

  /** Kills every sidecar. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.sidecars];
    if (this.launching) all.push(await this.launching.catch(() => null as never));
    for (const s of all) if (s) s.kill('closed');
    await Promise.all(all.filter(Boolean).map((s) => s.exited));
  }

  private prune(): void {
    for (let i = this.sidecars.length - 1; i >= 0; i--) if (!this.sidecars[i].alive) this.sidecars.splice(i, 1);
  }

  private launch(): Promise<Sidecar> {
    if (this.launching) return this.launching;
    this.launching = launchSidecar(this.options).then(
      (s) => {
        this.launching = null;
        if (this.closed) {
          s.kill('closed');
          throw new Error('the sidecar pool is closed');
        }
        this.sidecars.push(s);
        s.exited.then(() => this.prune());
        return s;
      },
      (e) => {
        this.launching = null;
        throw e;
      },
    );
    return this.launching;
  }

  private ensureSpare(): void {
    if (this.options.warmSpare === false || this.closed) return;
    const recycleAfter = this.options.recycleAfter ?? 50;
    const idle = this.sidecars.some((s) => s.alive && s.openSessions.size === 0 && s.sessionsOpened < recycleAfter);
    if (!idle && this.sidecars.length < (this.options.size ?? 2)) void this.launch().catch(() => {});
  }
}
