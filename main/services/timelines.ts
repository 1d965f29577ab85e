/**
 * The timeline service: records a run's suspensions as a tree (core/debug/timeline.ts) in a debug
 * session of its own, answers mocked calls on the way (the user answers "ask me" calls and forks),
 * opens debug sessions on a node's state for the debugger, and saves and loads timeline files in
 * the workspace (core's format, e.g. `.capsule/timelines/<script>.timeline`). Electron-free.
 */
import { randomBytes } from 'node:crypto';
import type { Answer } from '../../core/index';
import { CapabilitySet } from '../../core/capabilities';
import { checkMocks, mockCapabilities, type MockCapability } from '../../core/cli/mocks';
import type { SessionAnswer, SessionCall, SessionView, TimelineInspection, TimelineNodeInfo, TimelineOpenParams, TimelineView } from '../../preload/api';
import { RequestError } from './errors';
import { SessionRequestError, type SessionService } from './sessions';
import type { WorkspaceService } from './workspace';

/** Timeline files larger than this are refused (each suspended node holds a whole snapshot). */
export const MAX_TIMELINE_BYTES = 256 * 1024 * 1024;
/** Mocked suspensions answered in one recording before it stops for the user (a loop of calls). */
const MAX_AUTO_STEPS = 500;

/** The workspace's timeline signing key (created on first use, 0600, git-ignored): saved timelines reopen after a restart. */
export const TIMELINE_KEY_PATH = '.capsule/timeline.key';

interface Recorded {
  id: string;
  key: string;
  params: TimelineOpenParams;
  capabilities: MockCapability[];
  checks: CapabilitySet;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function checkOpen(p: unknown): TimelineOpenParams {
  if (!isObject(p)) throw new RequestError('timeline parameters must be an object');
  if (typeof p.source !== 'string') throw new RequestError('source must be a string');
  if (p.load !== undefined) checkPath(p.load, 'load');
  for (const k of Object.keys(p)) {
    if (!['source', 'inputs', 'mocks', 'limits', 'seed', 'now', 'load'].includes(k)) throw new RequestError(`unknown timeline parameter ${k}`);
  }
  return p as unknown as TimelineOpenParams;
}

/**
 * Timeline files are `*.timeline` files of the workspace: the requests cannot read or replace any
 * other file (a script, the workspace's keys) by naming it.
 */
function checkPath(path: unknown, what: string): string {
  if (typeof path !== 'string' || !path) throw new RequestError(`${what} must be a workspace path`);
  if (!path.endsWith('.timeline')) throw new RequestError(`${what}: a timeline file's name ends in .timeline (${path.slice(0, 200)})`);
  return path;
}

function checkNode(p: unknown): { id: string; node: number } {
  if (!isObject(p) || typeof p.id !== 'string') throw new RequestError('id must be a string');
  if (!Number.isInteger(p.node) || (p.node as number) < 0) throw new RequestError('node must be a node id (an integer ≥ 0)');
  return { id: p.id, node: p.node as number };
}

/** Readable words for the sidecar's refusals (a file from another key is the common case). */
function readable(message: string): string {
  if (/authentication failed|wrong key/.test(message)) {
    return 'This timeline was recorded with another signing key (another run of the studio): its states cannot be restored. Record it again.';
  }
  if (/not a timeline file|corrupt timeline|empty timeline|unsupported timeline format/.test(message)) return `Not a usable timeline file: ${message}`;
  return message;
}

/** The mock answers to every call of a suspension, or null when one of them needs the user. */
export function mockAnswers(capabilities: readonly MockCapability[], checks: CapabilitySet, calls: readonly SessionCall[]): Answer[] | null {
  const answers: Answer[] = [];
  for (const call of calls) {
    const cap = capabilities.find((c) => c.name === call.capability);
    if (!cap?.handler || cap.ask !== undefined) return null;
    const bad = checks.checkArgs(call.capability, call.args);
    if (bad) {
      answers.push({ id: call.id, error: { name: 'TypeError', message: `${call.capability}(): ${bad}` } });
      continue;
    }
    try {
      answers.push({ id: call.id, value: cap.handler(...call.args) });
    } catch (e) {
      // a mock's deliberate failure keeps its name (as in the session service)
      const err = e as { failureName?: string; message?: string };
      answers.push({ id: call.id, error: { name: err.failureName ?? 'Error', message: err.message ?? String(e) } });
    }
  }
  return answers;
}

export class TimelineService {
  private readonly timelines = new Map<string, Recorded>();

  constructor(
    private readonly sessions: SessionService,
    private readonly workspace: WorkspaceService,
  ) {}

  /** `timeline.open`: records a new timeline (mocks answered on the way) or loads a saved one. */
  async open(params: unknown): Promise<TimelineView> {
    const p = checkOpen(params);
    let capabilities: MockCapability[] = [];
    try {
      if (p.mocks !== undefined) capabilities = mockCapabilities(checkMocks(p.mocks, 'mocks'), 'mocks', { seed: p.seed, now: p.now === undefined ? undefined : () => p.now!, askUser: true });
    } catch (e) {
      throw new RequestError(e instanceof Error ? e.message : String(e));
    }
    // read the file first: a missing file should not cost a session
    const file = p.load !== undefined ? await this.workspace.readBytes(p.load, MAX_TIMELINE_BYTES) : null;
    const key = await this.signingKey();
    const { load: _load, ...start } = p;
    const view = await this.sessions.start({ ...start, debug: true });
    if (view.status !== 'paused') {
      await this.sessions.close({ id: view.id }).catch(() => {});
      throw new RequestError(view.error ? `the script cannot run: ${view.error.message}` : `the timeline session is ${view.status}`);
    }
    const t: Recorded = { id: view.id, key, params: p, capabilities, checks: new CapabilitySet(capabilities) };
    this.timelines.set(t.id, t);
    try {
      if (file) {
        const nodes = await this.command(t, { action: 'load', bytes: file.toString('base64') });
        return { id: t.id, nodes, last: nodes.length - 1 };
      }
      return await this.carryOn(t, await this.command(t, { action: 'start' }), 0);
    } catch (e) {
      await this.close({ id: t.id }).catch(() => {});
      throw e;
    }
  }

  /** `timeline.answer`: the user's answers to a node (a fork when it already has children). */
  async answer(params: unknown): Promise<TimelineView> {
    const { id, node } = checkNode(params);
    const t = this.get(id);
    const raw = (params as { answers?: unknown }).answers;
    if (!Array.isArray(raw) || raw.length === 0) throw new RequestError('answers must be a non-empty list of { id, value } or { id, error }');
    const answers: Answer[] = [];
    for (const a of raw as SessionAnswer[]) {
      if (!isObject(a) || !Number.isInteger(a.id)) throw new RequestError('each answer needs an integer id');
      if (a.error !== undefined && (!isObject(a.error) || typeof a.error.message !== 'string')) throw new RequestError('an error answer needs a message');
      answers.push(a.error !== undefined ? { id: a.id, error: a.error } : { id: a.id, value: a.value });
    }
    const nodes = await this.command(t, { action: 'answer', node, answers });
    return this.carryOn(t, nodes, nodes.length - 1);
  }

  /** `timeline.restore`: a debug session on a node's state (the caller owns and closes it). */
  async restore(params: unknown): Promise<SessionView> {
    const { id, node } = checkNode(params);
    const t = this.get(id);
    const r = (await this.debug(t, { action: 'snapshot', node })) as { bytes: string };
    const { load: _load, ...start } = t.params;
    const view = await this.sessions.restore({ ...start, debug: true, snapshot: r.bytes }, { key: t.key });
    if (view.status === 'failed') {
      await this.sessions.close({ id: view.id }).catch(() => {});
      throw new RequestError(readable(view.error?.message ?? 'the state could not be restored'));
    }
    return view;
  }

  /** `timeline.inspect`: a node's frames, variables and heap (for comparing two nodes). */
  async inspect(params: unknown): Promise<TimelineInspection> {
    const { id, node } = checkNode(params);
    return (await this.debug(this.get(id), { action: 'inspect', node })) as TimelineInspection;
  }

  /** `timeline.save`: writes the timeline (every node and snapshot) to a workspace file. */
  async save(params: unknown): Promise<{ path: string; bytes: number }> {
    if (!isObject(params) || typeof params.id !== 'string') throw new RequestError('id must be a string');
    const path = checkPath(params.path, 'path');
    const r = (await this.debug(this.get(params.id), { action: 'save' })) as { bytes: string };
    const bytes = Buffer.from(r.bytes, 'base64');
    return { path: await this.workspace.writeBytes(path, bytes), bytes: bytes.length };
  }

  /** `timeline.close`. */
  async close(params: unknown): Promise<null> {
    if (!isObject(params) || typeof params.id !== 'string') throw new RequestError('id must be a string');
    if (!this.timelines.delete(params.id)) return null;
    await this.sessions.close({ id: params.id }).catch(() => {});
    return null;
  }

  /** Closes every timeline (the app quits). */
  async dispose(): Promise<void> {
    await Promise.all([...this.timelines.keys()].map((id) => this.close({ id })));
  }

  /**
   * The workspace's timeline key: timeline files hold snapshots signed with it, so a file saved
   * today restores tomorrow. Kept beside the workspace's other secrets (`.capsule/`, 0600, listed
   * in `.capsule/.gitignore`); without an open folder, the session service's own key.
   */
  private async signingKey(): Promise<string> {
    let path: string;
    try {
      if (await this.workspace.isFile(TIMELINE_KEY_PATH)) {
        const text = (await this.workspace.readBytes(TIMELINE_KEY_PATH, 4096)).toString('utf8').trim();
        if (/^[A-Za-z0-9+/=]{40,}$/.test(text)) return text;
      }
      path = TIMELINE_KEY_PATH;
    } catch {
      return '';
    }
    const key = randomBytes(32).toString('base64');
    await this.workspace.writeBytes(path, `${key}\n`, { mode: 0o600 });
    const ignore = '.capsule/.gitignore';
    const existing = (await this.workspace.isFile(ignore)) ? (await this.workspace.readBytes(ignore)).toString('utf8') : '';
    if (!existing.split(/\r?\n/).includes('timeline.key')) {
      await this.workspace.writeBytes(ignore, `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}# signs the studio's timeline files (docs/TIMELINE.md): never commit it\ntimeline.key\n`);
    }
    return key;
  }

  private get(id: string): Recorded {
    const t = this.timelines.get(id);
    if (!t) throw new RequestError(`no timeline ${id} (it was closed)`);
    return t;
  }

  /** From node `from` on, answers suspensions whose calls all have mocks; stops for the user or at the end. */
  private async carryOn(t: Recorded, nodes: TimelineNodeInfo[], from: number): Promise<TimelineView> {
    let last = from;
    for (let step = 0; step < MAX_AUTO_STEPS; step++) {
      const n = nodes[last];
      if (!n || n.status !== 'suspended') break;
      const answers = mockAnswers(t.capabilities, t.checks, n.calls);
      if (!answers) break;
      nodes = await this.command(t, { action: 'answer', node: last, answers });
      last = nodes.length - 1;
    }
    return { id: t.id, nodes, last };
  }

  private async command(t: Recorded, args: Record<string, unknown>): Promise<TimelineNodeInfo[]> {
    return (await this.debug(t, args)) as TimelineNodeInfo[];
  }

  private async debug(t: Recorded, args: Record<string, unknown>): Promise<unknown> {
    try {
      const r = await this.sessions.debug({ id: t.id, command: 'timeline', args }, { key: t.key });
      if (r.view.status === 'failed') throw new RequestError(readable(r.view.error?.message ?? 'the timeline session failed'));
      return r.result;
    } catch (e) {
      if (e instanceof SessionRequestError) throw new RequestError(readable(e.message));
      throw e;
    }
  }
}
