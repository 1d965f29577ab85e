/**
 * The sidecar protocol under a hostile or buggy parent (issue 10, item 4): oversized messages
 * (over the limits the protocol declares, and 100 MB), deeply nested and huge params, values
 * structured clone carries but the protocol does not, and out-of-order requests. Each gets a
 * clear refusal as a response to its id; the sidecar stays up and a session opened before the
 * barrage still runs to the right result. (Plain garbage and wrong versions are in
 * sidecar.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchSidecar, Sidecar, SidecarError, type SidecarChild } from '../../core/host/sidecar/client';
import type { StepResult } from '../../core/host/sidecar/protocol';
import { ensureBundle } from '../cli/helpers';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let sc: Sidecar;
let nextId = 800_000;

interface Refusal {
  ok: boolean;
  kind?: string;
  message: string;
  result?: unknown;
}

/** Sends a raw message with a made-up id and resolves with the sidecar's answer to that id. */
function raw(build: (id: number) => unknown): Promise<Refusal> {
  const id = nextId++;
  const pending = (sc as unknown as { pending: Map<number, unknown> }).pending;
  const child = (sc as unknown as { child: SidecarChild }).child;
  return new Promise((resolve) => {
    pending.set(id, {
      resolve: (r: unknown) => resolve({ ok: true, message: '', result: r }),
      reject: (e: SidecarError) => resolve({ ok: false, kind: e.wire?.kind, message: e.message }),
      timer: null,
    });
    child.postMessage(build(id) as never);
  });
}

const req = (id: number, op: string, session?: string, params?: unknown) => ({ v: 1, type: 'request', id, op, ...(session ? { session } : {}), ...(params !== undefined ? { params } : {}) });

async function expectRefused(p: Promise<Refusal>, kind: string, message: RegExp): Promise<void> {
  const r = await p;
  expect(r.ok).toBe(false);
  expect(r.kind).toBe(kind);
  expect(r.message).toMatch(message);
  expect(r.message.length).toBeLessThan(400);
}

/** The sidecar still answers, and the session opened first still runs correctly. */
async function stillServing(): Promise<void> {
  expect(await sc.request('ping')).toMatchObject({ pid: sc.pid });
}

beforeAll(async () => {
  ensureBundle();
  // a generous heartbeat timeout: the test machines are shared and slow (not a timing assertion)
  sc = await launchSidecar({ heapMiB: 512, heartbeatTimeoutMs: 60_000 });
  // the good client: a session opened before the barrage, paused after its first slice
  await sc.request('open', 'good', { source: 'let s = 0; for (let i = 0; i < 300000; i++) s += i; s', seed: 1 });
});

afterAll(() => sc?.kill());

describe('sidecar protocol under a hostile parent', () => {
  it('oversized messages: over the declared limits, and 100 MB, are refused', { timeout: 600_000 }, async () => {
    await expectRefused(raw((id) => req(id, 'open', 'big', { source: 'x'.repeat(4_000_001) })), 'Protocol', /^malformed request open: \/params\/source must NOT have more than 4000000 characters$/);
    await expectRefused(raw((id) => req(id, 'open', 'big', { source: '1', capabilities: Array.from({ length: 1001 }, (_, i) => ({ name: `c${i}` })) })), 'Protocol', /capabilities must NOT have more than 1000 items/);
    await expectRefused(raw((id) => req(id, 'step', 'good', { answers: Array.from({ length: 100_001 }, (_, i) => ({ id: i + 1, value: i })) })), 'Protocol', /answers must NOT have more than 100000 items/);
    await expectRefused(raw((id) => req(id, 'open', 'big', { source: '1', key: 'k'.repeat(1025) })), 'Protocol', /key must NOT have more than 1024 characters/);
    await expectRefused(raw((id) => ({ ...req(id, 'ping'), pad: 'x'.repeat(8 * 1024 * 1024) })), 'Protocol', /malformed request ping: \/ must NOT have additional properties/);
    await expectRefused(raw((id) => req(id, 'open', 'big', { source: 'y'.repeat(100 * 1024 * 1024) })), 'Protocol', /more than 4000000 characters/);
    await stillServing();
  });

  it('values structured clone carries but the protocol does not are refused', async () => {
    const shapes: ((id: number) => unknown)[] = [
      (id) => new Map([['v', 1], ['id', id]]),
      (id) => [1, 'request', id, 'ping'],
      () => new Date(0),
      () => new Uint8Array(64),
      (id) => ({ ...req(id, 'open', 'x', { source: '1', snapshot: 'not bytes', key: 'k' }) }),
      (id) => ({ ...req(id, 'open', 'x', { source: new String('1') }) }),
      (id) => ({ ...req(id, 'open', 'x', { source: '1', seed: 2 ** 32 }) }),
      (id) => ({ ...req(id, 'open', 'x', { source: '1', limits: { instructions: -1 } }) }),
      (id) => ({ ...req(id, 'open', 'x', { source: '1', limits: { instructions: NaN } }) }),
      (id) => ({ ...req(id, 'step', 'good', { maxInstructions: 0 }) }),
      (id) => ({ ...req(id, 'step', 'good', { answers: [{ id: 0 }] }) }),
    ];
    for (const shape of shapes) {
      const id = nextId;
      const m = shape(id);
      const hasId = m !== null && typeof m === 'object' && !(m instanceof Map) && !Array.isArray(m) && 'id' in (m as object);
      if (hasId) await expectRefused(raw(() => m), 'Protocol', /malformed|unsupported protocol version/);
      else {
        (sc as unknown as { child: SidecarChild }).child.postMessage(m as never);
        nextId++;
      }
    }
    await stillServing();
  });

  it('deeply nested and huge params get an answer, not a crash', async () => {
    let deep: unknown = 0;
    for (let i = 0; i < 1_000; i++) deep = { a: deep };
    const r1 = await raw((id) => req(id, 'open', 'deep', { source: 'typeof a', inputs: { a: deep } }));
    // a nested input is either refused (too deep to copy in) or copied in within the limits
    if (r1.ok) {
      await sc.request('close', 'deep');
    } else expect(['Limit', 'Capability', 'Runtime', 'Protocol']).toContain(r1.kind);
    const big = Array.from({ length: 1_000_000 }, (_, i) => i);
    // (inputs are the host's data: they are copied in, not charged to the guest's heap budget)
    const r2 = await raw((id) => req(id, 'open', 'huge', { source: 'a.length', inputs: { a: big }, limits: { heapBytes: 1024 * 1024 } }));
    expect(r2.ok ? (r2.result as { outcome: { value: unknown } }).outcome.value : r2.kind).toBe(1_000_000);
    await sc.request('close', 'huge');
    await stillServing();
  });

  it('out-of-order requests are refused with a protocol or capability error', async () => {
    await expectRefused(raw((id) => req(id, 'step', 'never-opened', {})), 'Protocol', /no session never-opened/);
    await expectRefused(raw((id) => req(id, 'snapshot', 'never-opened', { key: 'k' })), 'Protocol', /no session never-opened/);
    await expectRefused(raw((id) => req(id, 'open', 'good', { source: '1' })), 'Protocol', /session good is already open/);
    // answers to calls that were never made
    await expectRefused(raw((id) => req(id, 'step', 'good', { answers: [{ id: 12345, value: 1 }] })), 'Capability', /no outstanding call with id 12345/);
    // a restore without its key, and with garbage bytes
    await expectRefused(raw((id) => req(id, 'open', 'snap', { source: '1', snapshot: new Uint8Array(10) })), 'Protocol', /a snapshot needs its key/);
    await expectRefused(raw((id) => req(id, 'open', 'snap', { source: '1', snapshot: new Uint8Array(100), key: 'k' })), 'Serialization', /not a snapshot/);
    // close, then use the session; close twice
    await sc.request('open', 'short', { source: '1 + 1' });
    await sc.request('close', 'short');
    await expectRefused(raw((id) => req(id, 'step', 'short', {})), 'Protocol', /no session short/);
    // closing twice is harmless (close is idempotent)
    expect(await raw((id) => req(id, 'close', 'short'))).toMatchObject({ ok: true, result: null });
    // two steps at once on one session: the second is refused while the first runs
    await sc.request('open', 'long', { source: 'let n = 0; for (let i = 0; i < 3e6; i++) n++; n' });
    const first = sc.request('step', 'long', {});
    const second = raw((id) => req(id, 'step', 'long', {}));
    await expectRefused(second, 'Protocol', /session long is already running/);
    expect(await first).toMatchObject({ status: 'completed', value: 3e6 });
    // a finished session answers with its outcome again rather than running anything
    expect(await sc.request('step', 'long', {})).toMatchObject({ status: 'completed', value: 3e6 });
    await sc.request('close', 'long');
    await stillServing();
  });

  it('after all of it, the session opened first completes with the right result', async () => {
    let out = (await sc.request('step', 'good', {})) as StepResult;
    while (out.status === 'paused') out = (await sc.request('step', 'good', {})) as StepResult;
    expect(out).toMatchObject({ status: 'completed', value: 44999850000 });
  });
});
