/**
 * Capability calls and snapshots: every suspension (and pauses between them) is
 * round-tripped through snapshot bytes into a fresh VM, with answers given in several
 * orders; the durable run must see the same calls, console output, result and
 * instruction count as a run that never leaves its VM.
 */
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 120_000 });
import { CapabilityError, SerializationError, type Answer, type Capability, type CompiledProgram, type HostCallRequest, type Outcome } from '../../../core/index';
import { programFor, start, type Execution, type StartOptions } from '../../../core/execution';
import { restore, snapshot } from '../../../core/snapshot/index';

const KEY = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);

const caps: Capability[] = [
  { name: 'lookup', description: 'a record by id', args: { type: 'array', items: [{ type: 'number' }] } },
  { name: 'fetchItem', description: 'an item' },
  { name: 'note', description: 'records a note' },
];

/** The host's answer to a call: deterministic in the call, errors for ids divisible by 7. */
function answerFor(c: HostCallRequest): Answer {
  const id = c.args[0] as number;
  if (c.capability === 'note') return { id: c.id, value: null };
  if (typeof id === 'number' && id % 7 === 0) return { id: c.id, error: { name: 'RangeError', message: `no item ${id}` } };
  if (c.capability === 'lookup') return { id: c.id, value: { name: `n${id}`, next: id + 1, tags: ['a', -0, 1.5, null] } };
  return { id: c.id, value: { v: id * 10, s: `item ${id} \u00e9` } };
}

type Order = 'all' | 'reverse' | 'oldest' | 'newest' | 'random';

function pick(calls: HostCallRequest[], order: Order, r: () => number): HostCallRequest[] {
  switch (order) {
    case 'all':
      return calls;
    case 'reverse':
      return [...calls].reverse();
    case 'oldest':
      return calls.slice(0, 1);
    case 'newest':
      return calls.slice(-1);
    case 'random': {
      const out = calls.filter(() => r() < 0.5);
      return out.length ? out.sort(() => r() - 0.5) : [calls[Math.floor(r() * calls.length)]];
    }
  }
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Trace {
  events: string[];
  console: string[];
  result: string;
  instructions: number;
  snapshots: number;
}

/**
 * Drives `program` to completion, answering with `order`. With `durable`, every outcome
 * (suspension or pause) goes through snapshot → restore before the next resume.
 */
function drive(program: CompiledProgram, order: Order, durable: boolean, extra: Partial<StartOptions> = {}): Trace {
  const lines: string[] = [];
  const events: string[] = [];
  const opts: StartOptions = { capabilities: caps, seed: 7, now: () => 1_700_000_000_000, onConsole: (l, t) => lines.push(`${l}: ${t}`), ...extra };
  const r = rng(42);
  let snapshots = 0;
  let ex: Execution = start(program, opts);
  let out: Outcome = ex.outcome;
  try {
    while (out.status !== 'completed') {
      if (durable) {
        const bytes = snapshot(ex, KEY);
        snapshots++;
        ex = restore(program, bytes, { ...opts, key: KEY });
        expect(ex.outcome).toEqual(out);
      }
      if (out.status === 'paused') {
        events.push(`paused@${out.instructions}`);
        out = ex.resume();
        continue;
      }
      events.push(`suspended@${out.instructions}: ${out.calls.map((c) => `${c.id}:${c.capability}(${JSON.stringify(c.args)})`).join(' ')}`);
      const answers = pick(out.calls, order, r).map(answerFor);
      events.push(`answer ${answers.map((a) => a.id).join(',')}`);
      out = ex.resume(answers);
    }
    return { events, console: lines, result: JSON.stringify(out.value), instructions: out.instructions, snapshots };
  } catch (e) {
    return { events, console: lines, result: `throws ${(e as Error).name}: ${(e as Error).message}`, instructions: ex.vm.instructions, snapshots };
  }
}

const PROGRAMS: Record<string, string> = {
  'sync calls': `
    const a = lookup(1);
    const b = lookup(a.next);
    console.log('got', a.name, b.name, a.tags);
    let c;
    try { c = lookup(7); } catch (e) { c = e.name + ': ' + e.message; }
    [a.name + b.name, c, Object.is(a.tags[1], -0)]`,
  'sync calls inside built-in callbacks': `
    const names = [1, 2, 3].map((id) => lookup(id).name);
    const total = [4, 5].reduce((s, id) => s + lookup(id).next, 0);
    const sorted = [3, 1, 2].sort((x, y) => lookup(x).next - lookup(y).next);
    ({ names, total, sorted })`,
  'async fan-out with Promise.all': `
    const ids = [1, 2, 3, 4, 5, 6];
    const items = await Promise.all(ids.map((id) => fetchItem(id)));
    console.log('items', items.length);
    const settled = await Promise.allSettled([fetchItem(7), fetchItem(8), lookup(14)]);
    items.map((x) => x.v).join(',') + ' | ' + settled.map((s) => s.status + ':' + (s.value ? s.value.v : s.reason.message)).join(',')`,
  'async functions, races and loops': `
    async function one(id) {
      const a = await lookup(id);
      note('seen ' + a.name);
      const b = await fetchItem(a.next);
      return a.name + '/' + b.v;
    }
    const first = await Promise.race([one(1), one(2)]);
    const out = [];
    for (let i = 3; i < 6; i++) out.push(await one(i));
    const m = new Map();
    for (const r of await Promise.all([one(10), one(11), one(12)])) m.set(r, r.length);
    console.info('map', m.size);
    [first, out, [...m.keys()]]`,
  'async generators and for await': `
    async function* stream(n) {
      for (let i = 1; i <= n; i++) yield (await fetchItem(i)).v;
    }
    let sum = 0;
    const seen = [];
    for await (const v of stream(5)) { sum += v; seen.push(v); if (v > 30) console.log('big', v); }
    const caught = await fetchItem(14).catch((e) => 'caught ' + e.message);
    ({ sum, seen, caught })`,
};

describe('snapshot at every suspension', () => {
  for (const [name, src] of Object.entries(PROGRAMS)) {
    for (const order of ['all', 'reverse', 'oldest', 'newest', 'random'] as Order[]) {
      it(`${name} (answers: ${order})`, () => {
        const program = programFor(src, { capabilities: caps });
        const plain = drive(program, order, false);
        const durable = drive(program, order, true);
        expect(plain.result.startsWith('throws')).toBe(false);
        expect(durable.snapshots).toBeGreaterThan(0);
        expect({ ...durable, snapshots: 0 }).toEqual({ ...plain, snapshots: 0 });
      });
    }
  }

  it('with few outstanding calls (queued calls survive the snapshot) and pauses in between', () => {
    const src = PROGRAMS['async fan-out with Promise.all'];
    const program = programFor(src, { capabilities: caps });
    for (const order of ['all', 'oldest', 'random'] as Order[]) {
      const extra = { limits: { outstandingHostCalls: 2 }, sliceInstructions: 97 };
      const plain = drive(program, order, false, extra);
      const durable = drive(program, order, true, extra);
      expect(plain.events.some((e) => e.startsWith('paused'))).toBe(true);
      expect({ ...durable, snapshots: 0 }).toEqual({ ...plain, snapshots: 0 });
    }
  });

  it('restoring needs the same capabilities', () => {
    const program = programFor('lookup(1).name', { capabilities: caps });
    const ex = start(program, { capabilities: caps });
    const bytes = snapshot(ex, KEY);
    expect(() => restore(program, bytes, { capabilities: caps.slice(0, 2), key: KEY })).toThrow(SerializationError);
    expect(() => restore(program, bytes, { capabilities: [caps[1], caps[0], caps[2]], key: KEY })).toThrow(/capabilities/);
    const again = restore(program, bytes, { capabilities: caps, key: KEY });
    expect(again.pendingCalls).toEqual([{ id: 1, capability: 'lookup', args: [1] }]);
    expect(() => again.resume([{ id: 2, value: 1 }])).toThrow(CapabilityError);
    const done = again.resume([{ id: 1, value: { name: 'x' } }]);
    expect(done).toEqual({ status: 'completed', value: 'x', instructions: done.instructions });
  });

  it('a restored execution can be snapshotted again and each copy continues independently', () => {
    const program = programFor('const a = lookup(1); const b = lookup(2); a.name + b.name', { capabilities: caps });
    const ex = start(program, { capabilities: caps });
    const s1 = snapshot(ex, KEY);
    const r1 = restore(program, s1, { capabilities: caps, key: KEY });
    r1.resume([{ id: 1, value: { name: 'A' } }]);
    const s2 = snapshot(r1, KEY);
    const x = restore(program, s2, { capabilities: caps, key: KEY }).resume([{ id: 2, value: { name: 'B' } }]);
    const y = restore(program, s2, { capabilities: caps, key: KEY }).resume([{ id: 2, value: { name: 'C' } }]);
    const z = restore(program, s1, { capabilities: caps, key: KEY });
    z.resume([{ id: 1, value: { name: 'D' } }]);
    expect([x.status === 'completed' && x.value, y.status === 'completed' && y.value, z.resume([{ id: 2, value: { name: 'E' } }])]).toEqual([
      'AB',
      'AC',
      expect.objectContaining({ value: 'DE' }),
    ]);
  });

  it('finished executions cannot be snapshotted', () => {
    const ex = start('1 + 1');
    expect(() => snapshot(ex, KEY)).toThrow(SerializationError);
  });
});
