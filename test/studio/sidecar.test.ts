/**
 * The sidecar: the same results as in-process over the differential corpus, the watchdog
 * (kill -9, an infinite loop with budgets off, a stopped process, a memory bomb), hostile
 * messages on the channel in both directions, and many concurrent sessions.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSync, LimitError, RuntimeError } from '../../core/index';
import { launchSidecar, Sidecar, SidecarError, type SidecarChild } from '../../core/host/sidecar/client';
import { SidecarPool } from '../../core/host/sidecar/pool';
import { checkRequest, type StepResult } from '../../core/host/sidecar/protocol';
import { createServices } from '../../main/services';
import type { EventMessage, SessionView } from '../../preload/api';
import { loadCorpus } from '../differential/corpus';
import { ensureBundle } from '../cli/helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

beforeAll(() => ensureBundle());

type Line = [string, string];

/** Runs a program in the sidecar to completion (no capabilities): result or error, console, count. */
async function inSidecar(sc: Sidecar, session: string, source: string): Promise<{ value?: unknown; error?: string; console: Line[]; instructions?: number }> {
  const lines: Line[] = [];
  sc.onSession(session, (e) => {
    if (e.event === 'console') lines.push([e.level, e.text]);
  });
  try {
    const opened = (await sc.request('open', session, { source, seed: 7, now: 1_700_000_000_000 })) as { outcome: StepResult };
    let out = opened.outcome as StepResult;
    while (out.status === 'paused') out = (await sc.request('step', session, {})) as StepResult;
    if (out.status !== 'completed') throw new Error(`unexpected ${out.status}`);
    return { value: out.value, console: lines, instructions: out.instructions };
  } catch (e) {
    if (!(e instanceof SidecarError) || !e.wire) throw e;
    return { error: `${e.wire.kind}:${e.wire.kind === 'Runtime' ? e.wire.name : ''}`, console: lines };
  } finally {
    sc.onSession(session, null);
    await sc.request('close', session).catch(() => {});
  }
}

function inProcess(source: string): { value?: unknown; error?: string; console: Line[]; instructions?: number } {
  const lines: Line[] = [];
  try {
    const r = runSync(source, { seed: 7, now: () => 1_700_000_000_000, onConsole: (l, t) => lines.push([l, t]) });
    return { value: r.value, console: lines, instructions: r.instructions };
  } catch (e) {
    const kind = (e as { kind?: string }).kind ?? 'Internal';
    return { error: `${kind}:${e instanceof RuntimeError ? e.guestName || 'Error' : ''}`, console: lines };
  }
}

describe('sidecar process', () => {
  let sc: Sidecar;
  beforeAll(async () => {
    sc = await launchSidecar({ heapMiB: 256 });
  });
  afterAll(() => sc?.kill());

  it('runs under the OS/V8 limits it was given', async () => {
    const info = (await sc.request('ping')) as { pid: number; execArgv: string[]; fsWrite: boolean | null; childProcess: boolean | null; env: string[] };
    expect(info.pid).toBe(sc.pid);
    expect(info.execArgv).toContain('--max-old-space-size=256');
    expect(info.execArgv.some((a) => /^--(experimental-)?permission$/.test(a))).toBe(true);
    // Node's permission model: no file writes, no child processes
    expect(info.fsWrite).toBe(false);
    expect(info.childProcess).toBe(false);
    expect(info.env).toEqual(['NODE_OPTIONS']);
  });

  it('gives the same results, errors, console output and instruction counts as in-process over the corpus', async () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBeGreaterThan(500);
    let n = 0;
    for (const p of corpus) {
      const a = inProcess(p.source);
      const b = await inSidecar(sc, `c${n++}`, p.source);
      expect(b, p.id).toEqual(a);
    }
  });

  it('answers malformed and hostile requests with a protocol error and keeps working', async () => {
    const replies: unknown[] = [];
    const child = (sc as unknown as { child: SidecarChild }).child;
    const send = (m: unknown) => child.postMessage(m);
    const bad = [
      42,
      'open',
      null,
      { v: 2, type: 'request', id: 900001, op: 'ping' },
      { v: 1, type: 'request', id: 900002, op: 'eval', session: 'x' },
      { v: 1, type: 'request', id: 900003, op: 'open', session: '../../etc', params: { source: '1' } },
      { v: 1, type: 'request', id: 900004, op: 'open', session: 'ok', params: { source: 1 } },
      { v: 1, type: 'request', id: 900005, op: 'open', session: 'ok', params: { source: '1', limits: { fuel: 1 } } },
      { v: 1, type: 'request', id: 900006, op: 'step', session: 'nope', params: {} },
      JSON.parse('{"v":1,"type":"request","id":900007,"op":"open","session":"ok","params":{"source":"1","__proto__":{"polluted":true}}}'),
    ];
    // capture responses to ids we made up by watching pending ids through a fresh request afterwards
    const pending = (sc as unknown as { pending: Map<number, unknown> }).pending;
    for (const [i, m] of bad.entries()) {
      const id = (m as { id?: number } | null)?.id;
      if (id !== undefined) {
        pending.set(id, {
          resolve: (r: unknown) => replies.push({ i, ok: true, r }),
          reject: (e: SidecarError) => replies.push({ i, ok: false, kind: e.wire?.kind, message: e.message }),
          timer: null,
        });
      }
      send(m);
    }
    expect(await sc.request('ping')).toMatchObject({ pid: sc.pid });
    // every request with an id got an answer, and none was executed
    expect(replies.length).toBe(7);
    for (const r of replies as { ok: boolean; kind?: string; message: string }[]) {
      expect(r.ok).toBe(false);
      expect(r.kind).toBe('Protocol');
    }
    expect(JSON.stringify(replies)).toMatch(/unsupported protocol version 2/);
    expect(JSON.stringify(replies)).toMatch(/no session nope/);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('the request schema refuses what the sidecar must never execute', () => {
    expect(checkRequest({ v: 1, type: 'request', id: 1, op: 'ping' })).toBeNull();
    expect(checkRequest({ v: 1, type: 'request', id: 1, op: 'ping', extra: 1 })).toMatch(/malformed/);
    expect(checkRequest({ v: 1, type: 'request', id: -1, op: 'ping' })).toMatch(/malformed/);
    expect(checkRequest({ v: 1, type: 'request', id: 1, op: 'snapshot', session: 's', params: {} })).toMatch(/malformed/);
  });
});

describe('the parent side refuses garbage from a sidecar', () => {
  it('malformed messages are rejected and logged; pending requests are unaffected', async () => {
    let listener: (m: unknown) => void = () => {};
    const sent: unknown[] = [];
    const fake: SidecarChild = {
      pid: 1,
      postMessage: (m) => sent.push(m),
      onMessage: (l) => (listener = l),
      onExit: () => {},
      onStderr: () => {},
      kill: () => {},
    };
    const rejected: string[] = [];
    const s = new Sidecar(fake, { onRejected: (r) => rejected.push(r), heartbeatTimeoutMs: 60_000 });
    const p = s.request('ping');
    listener('garbage');
    listener({ v: 1, type: 'response', id: 999, ok: true, result: 1 });
    listener({ v: 9, type: 'heartbeat', t: 1 });
    listener({ v: 1, type: 'event', session: 'x', event: 'console' });
    listener({ v: 1, type: 'response', id: 1, ok: true, result: { pid: 1 } });
    expect(await p).toEqual({ pid: 1 });
    expect(rejected).toHaveLength(4);
    expect(rejected.join('\n')).toMatch(/unexpected response id 999/);
    expect(rejected.join('\n')).toMatch(/unsupported protocol version 9/);
    s.kill();
  });
});

describe('watchdog and crash containment', () => {
  it('kill -9 mid-run becomes a clear crash error; the next session gets a fresh sidecar', async () => {
    const pool = new SidecarPool({ size: 1, warmSpare: false });
    const a = await pool.acquire('a');
    // open runs the first slice only; the step that follows runs until it is killed
    await a.request('open', 'a', { source: 'let i = 0; while (true) i++', limits: { instructions: Infinity, timeMs: Infinity } });
    const run = a.request('step', 'a', {}).catch((e) => e);
    await new Promise((r) => setTimeout(r, 200));
    process.kill(a.pid!, 'SIGKILL');
    const e = (await run) as SidecarError;
    expect(e).toBeInstanceOf(SidecarError);
    expect(e.exit?.cause).toBe('crash');
    expect(e.message).toMatch(/signal SIGKILL/);
    const b = await pool.acquire('b');
    expect(b.pid).not.toBe(a.pid);
    expect(await b.request('ping')).toMatchObject({ pid: b.pid });
    await pool.close();
  });

  it('an infinite loop with budgets disabled is stopped by the watchdog within its limit', async () => {
    const events: EventMessage[] = [];
    const services = createServices({ mode: 'browser', sessions: { watchdogMs: 1500, poolSize: 1 } });
    services.events.subscribe((m) => events.push(m));
    const t0 = Date.now();
    const r = await services.handle('session.start', { source: 'let i = 0; while (true) i++', limits: { instructions: Infinity, timeMs: Infinity } });
    const elapsed = Date.now() - t0;
    expect(r.ok).toBe(true);
    const view = (r as { result: SessionView }).result;
    expect(view.status).toBe('failed');
    expect(view.error).toMatchObject({ kind: 'Sidecar', cause: 'time' });
    expect(elapsed).toBeLessThan(15_000);
    expect(events.some((e) => e.event === 'session.error')).toBe(true);
    // the service still works: a new session on a fresh sidecar
    const ok = await services.handle('session.start', { source: '6 * 7' });
    expect((ok as { result: SessionView }).result, JSON.stringify((ok as { result: SessionView }).result.error)).toMatchObject({ status: 'done', value: 42 });
    await services.dispose();
  });

  it('a sidecar that stops answering (SIGSTOP) is killed as unresponsive', async () => {
    const sc = await launchSidecar({ heartbeatTimeoutMs: 800 });
    process.kill(sc.pid!, 'SIGSTOP');
    const exit = await sc.exited;
    expect(exit.cause).toBe('unresponsive');
    expect(exit.message).toMatch(/stopped responding/);
  });

  it('a memory bomb is stopped by the V8 heap limit and reported as memory', async () => {
    const sc = await launchSidecar({ heapMiB: 64 });
    const e = (await sc
      .request('open', 'm', {
        source: 'const keep = []; while (true) keep.push(new Array(100000).fill("x" + keep.length))',
        limits: { instructions: Infinity, heapBytes: Infinity, allocations: Infinity, timeMs: Infinity },
      })
      // open runs the first slice; if the heap cap is not reached there, the step goes on until it is
      .then(() => sc.request('step', 'm', {}))
      .catch((x) => x)) as SidecarError;
    expect(e).toBeInstanceOf(SidecarError);
    expect(e.exit?.cause).toBe('memory');
    expect(e.message).toMatch(/ran out of memory/);
  });

  it('in-process limits still apply in the sidecar (a LimitError, not a crash)', async () => {
    const sc = await launchSidecar();
    const e = (await sc.request('open', 'l', { source: 'let n = 0;\nwhile (true) {\n  n += 1;\n}', limits: { instructions: 10_000 } }).catch((x) => x)) as SidecarError;
    // the statement that crossed the limit travels with the error (the IDE highlights it): in the
    // loop — its body, or the loop's jump back when the budget ran out at a slice boundary
    expect(e.wire).toMatchObject({ kind: 'Limit', limit: 'instructions', limitValue: 10_000, reached: 10_000 });
    expect([2, 3]).toContain(e.wire?.location?.line);
    expect(sc.alive).toBe(true);
    sc.kill();
    expect(new LimitError('instructions', 1, 1).kind).toBe('Limit');
  });
});

describe('figures of a run stopped by a limit', () => {
  it('a run that fails in its first slice still reports its budget figures before the error', async () => {
    const sc = await launchSidecar();
    const events: { event: string; budget?: { instructions: number; allocations: number } }[] = [];
    sc.onSession('d', (e) => events.push(e as (typeof events)[number]));
    const src = 'function walk(node) {\n  const next = { parent: node };\n  return walk(next) + 1;\n}\nwalk(null);';
    const e = (await sc.request('open', 'd', { source: src }).catch((x) => x)) as SidecarError;
    expect(e.wire).toMatchObject({ kind: 'Limit', limit: 'callDepth' });
    const budget = events.find((x) => x.event === 'budget')?.budget;
    // 2 000 frames deep: thousands of instructions and an object per frame (the budget view
    // showed zeros here before)
    expect(budget?.instructions).toBeGreaterThan(6000);
    expect(budget?.allocations).toBeGreaterThan(2000);
    sc.kill();
  });
});

describe('session service', () => {
  it('50 concurrent sessions on a pool of 2 sidecars: nothing lost or mixed up', async () => {
    const events: EventMessage[] = [];
    const services = createServices({ mode: 'browser', sessions: { poolSize: 2 } });
    services.events.subscribe((m) => events.push(m));
    const n = 50;
    const views = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        services.handle('session.start', {
          source: `console.log("session ${i}"); let s = 0; for (let k = 0; k < ${1000 + i * 100}; k++) s += k; const r = lookup(${i}); s + r.bonus`,
          mocks: { capabilities: { lookup: { script: '({ bonus: args[0] * 1000 })' } } },
        }),
      ),
    );
    const pids = new Set<number>();
    for (let i = 0; i < n; i++) {
      expect(views[i], JSON.stringify(views[i])).toMatchObject({ ok: true });
      const v = (views[i] as { ok: boolean; result: SessionView }).result;
      const k = 1000 + i * 100;
      expect(v.status, JSON.stringify(v)).toBe('done');
      expect(v.value).toBe((k * (k - 1)) / 2 + i * 1000);
      const logs = events.filter((e) => e.event === 'session.console' && (e.payload as { id: string }).id === v.id);
      expect(logs.map((e) => (e.payload as { text: string }).text)).toEqual([`session ${i}`]);
    }
    for (const s of (services.sessions as unknown as { pool: SidecarPool }).pool.live) if (s.pid) pids.add(s.pid);
    expect(pids.size).toBeLessThanOrEqual(2);
    await services.dispose();
  });

  it('ask-me calls wait for the user; snapshot and restore continue the session', async () => {
    const services = createServices({ mode: 'browser' });
    const start = (await services.handle('session.start', {
      source: 'const a = lookup(1); const b = confirm("go?"); a.n + (b ? 1 : 0)',
      mocks: { capabilities: { lookup: { returns: { n: 41 } }, confirm: { description: 'asks the user' } } },
    })) as { ok: true; result: SessionView };
    expect(start.result, JSON.stringify(start.result)).toMatchObject({ status: 'waiting', calls: [{ id: 2, capability: 'confirm', args: ['go?'] }] });
    const snap = (await services.handle('session.snapshot', { id: start.result.id })) as { ok: boolean; result: { snapshot: string; bytes: number } };
    expect(snap.ok).toBe(true);
    const restored = (await services.handle('session.restore', {
      source: 'const a = lookup(1); const b = confirm("go?"); a.n + (b ? 1 : 0)',
      mocks: { capabilities: { lookup: { returns: { n: 41 } }, confirm: { description: 'asks the user' } } },
      snapshot: snap.result.snapshot,
    })) as { ok: true; result: SessionView };
    expect(restored.result, JSON.stringify(restored.result)).toMatchObject({ status: 'waiting', calls: [{ id: 2, capability: 'confirm' }] });
    const done = (await services.handle('session.continue', { id: restored.result.id, answers: [{ id: 2, value: true }] })) as { ok: true; result: SessionView };
    expect(done.result).toMatchObject({ status: 'done', value: 42 });
    const bad = await services.handle('session.continue', { id: start.result.id, answers: [{ id: 9, value: 1 }] });
    expect(bad).toMatchObject({ ok: false, error: { message: 'call 9 is not waiting for an answer' } });
    await services.dispose();
  });

  it('pause stops a running session at a slice boundary; continue and cancel work from there', async () => {
    const services = createServices({ mode: 'browser' });
    const src = 'let s = 0; for (let i = 0; i < 3e7; i++) s += i % 3; s';
    const started = services.handle('session.start', { source: src, limits: { instructions: 1e9 } });
    // the id is only known from events: wait for the first budget sample of the session
    const id = await new Promise<string>((resolve) => {
      const off = services.events.subscribe((m) => {
        if (m.event === 'session.budget') {
          off();
          resolve((m.payload as { id: string }).id);
        }
      });
    });
    await services.handle('session.pause', { id });
    const paused = ((await started) as { result: SessionView }).result;
    expect(paused.status).toBe('paused');
    expect(paused.budget!.instructions).toBeGreaterThan(0);
    const stepped = ((await services.handle('session.continue', { id, maxInstructions: 1000 })) as { result: SessionView }).result;
    expect(stepped.status).toBe('paused');
    expect(stepped.budget!.instructions).toBe(paused.budget!.instructions + 1000);
    await services.handle('session.cancel', { id });
    const after = await services.handle('session.continue', { id });
    expect(after).toMatchObject({ ok: false, error: { message: 'the session is cancelled' } });
    await services.dispose();
  });

  it('a sidecar is recycled after N sessions', async () => {
    const pool = new SidecarPool({ size: 1, recycleAfter: 3 });
    const a = await pool.acquire('x0');
    expect(await pool.acquire('x1')).toBe(a);
    expect(await pool.acquire('x2')).toBe(a);
    pool.release(a, 'x0');
    pool.release(a, 'x1');
    expect(a.alive).toBe(true);
    pool.release(a, 'x2');
    expect((await a.exited).cause).toBe('closed');
    const b = await pool.acquire('y');
    expect(b).not.toBe(a);
    expect(b.sessionsOpened).toBe(1);
    await pool.close();
  });
});
