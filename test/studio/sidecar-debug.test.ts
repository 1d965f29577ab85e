/** The debugger through the session service and the sidecar: the same engine, over the protocol. */
import { isPackedHeapGraph, unpackHeapGraph, type PackedHeapGraph } from '../../core/debug/heap-graph';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../main/services';
import type { SessionView } from '../../preload/api';
import { ensureBundle } from '../cli/helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SRC = `async function total(ids) {
  let sum = 0;
  for (const id of ids) {
    const item = await lookup(id);
    sum += item.price;
  }
  return sum;
}
function ask() { return confirm('charge?'); }
const ok = ask();
const t = await total([1, 2]);
ok ? t : 0`;

const MOCKS = { capabilities: { lookup: { script: '({ price: args[0] * 10 })' }, confirm: { description: 'asks the user' } } };

let services: Services;
beforeAll(() => {
  ensureBundle();
  services = createServices({ mode: 'browser' });
});
afterAll(() => services?.dispose());

async function call<T>(method: string, params: unknown): Promise<T> {
  const r = await services.handle(method, params);
  if (!r.ok) throw new Error(r.error.message);
  return r.result as T;
}

describe('debugging in the sidecar', () => {
  it('breakpoints, stepping over mocked and ask-me calls, inspection, heap and step back', async () => {
    const start = await call<SessionView>('session.start', { source: SRC, mocks: MOCKS, debug: true });
    expect(start.status).toBe('paused');
    const id = start.id;
    const dbg = (command: string, args: Record<string, unknown> = {}) => call<{ view: SessionView; result: any }>('session.debug', { id, command, args });

    await dbg('enableTimeTravel', { checkpointEvery: 20 });
    expect((await dbg('setBreakpoint', { line: 5 })).result).toMatchObject({ line: 5, verified: true });
    // the confirm() call (synchronous: made from a sync function) needs the user first
    const waiting = await dbg('continue');
    expect(waiting.view).toMatchObject({ status: 'waiting', calls: [{ capability: 'confirm', args: ['charge?'] }] });
    const hit = (await call<SessionView>('session.continue', { id, answers: [{ id: 1, value: true }] }));
    expect(hit.status).toBe('paused');
    const stack = (await dbg('stackTrace')).result as { name: string; line: number }[];
    // total() was resumed by an await: the top-level code awaiting it is shown as its async caller
    expect(stack.filter((f) => !(f as { builtin?: boolean }).builtin).map((f) => [f.name, f.line])).toEqual([
      ['total', 5],
      ['<script>', 11],
    ]);
    expect((await dbg('evaluate', { expression: 'item.price + sum' })).result).toMatchObject({ value: 10 });
    const scopes = (await dbg('scopes')).result as { kind: string; variables: { name: string; preview: string }[] }[];
    expect(scopes[0].variables.map((v) => v.name)).toEqual(expect.arrayContaining(['ids', 'sum', 'id', 'item']));
    // next iteration; then step over the awaited mocked call: answered in main, the step ends at the breakpoint
    expect((await dbg('stepOver')).result).toMatchObject({ status: 'paused', line: 4 });
    const over = await dbg('stepOver');
    expect(over.result).toMatchObject({ status: 'paused', line: 5 });
    expect((await dbg('evaluate', { expression: 'item.price' })).result).toMatchObject({ value: 20 });
    const heap = (await dbg('heap')).result as { nodes: unknown[]; roots: unknown[] };
    expect(heap.nodes.length).toBeGreaterThan(0);
    // the packed form the Heap panel asks for: the same graph once unpacked
    const packed = (await dbg('heap', { packed: true })).result;
    expect(isPackedHeapGraph(packed)).toBe(true);
    const unpacking = unpackHeapGraph(packed as PackedHeapGraph, 2);
    let step = unpacking.next();
    while (!step.done) step = unpacking.next();
    expect(step.value).toEqual(heap);
    // back in time: the previous statement of this iteration
    const back = await dbg('stepBack');
    expect(back.result).toMatchObject({ status: 'paused', line: 4 });
    await dbg('removeBreakpoint', { id: 1 });
    const done = await dbg('continue');
    expect(done.view).toMatchObject({ status: 'done', value: 30 });
  });

  it('profiles a run and records a forkable timeline in the sidecar', async () => {
    const src = `function work(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += i;
  return s;
}
const a = pick('first');
const b = pick('second');
a + work(b)`;
    const mocks = { capabilities: { pick: { sequence: [{ returns: 1 }, { returns: 300 }], exhausted: 'cycle' } } };
    const d = await call<SessionView>('session.start', { source: src, mocks, debug: true });
    const dbg = (command: string, args: Record<string, unknown> = {}) => call<{ view: SessionView; result: any }>('session.debug', { id: d.id, command, args });
    // the profiling run's suspensions are answered by the mocks in main
    const prof = (await dbg('profile', { action: 'start', sampleEvery: 100 })).result;
    expect(prof.status).toBe('completed');
    expect(prof.profile.outcome).toMatchObject({ status: 'completed', value: 1 + (300 * 299) / 2 });
    const hottest = prof.profile.lines.reduce((x: { instructions: number }, y: { instructions: number }) => (y.instructions > x.instructions ? y : x));
    expect(hottest.line).toBe(3);
    expect(prof.profile.samples.filter((x: { at: string }) => x.at === 'suspension')).toHaveLength(2);
    // a timeline: suspensions are nodes; answering a node twice forks
    const root = (await dbg('timeline', { action: 'start' })).result;
    expect(root).toMatchObject([{ id: 0, status: 'suspended', calls: [{ capability: 'pick', args: ['first'] }], hasSnapshot: true }]);
    await dbg('timeline', { action: 'answer', node: 0, answers: [{ id: 1, value: 2 }] });
    await dbg('timeline', { action: 'answer', node: 1, answers: [{ id: 2, value: 3 }] });
    const nodes = (await dbg('timeline', { action: 'answer', node: 1, answers: [{ id: 2, value: 4 }] })).result;
    expect(nodes.map((n: { id: number; parent: number | null; status: string; value?: unknown }) => [n.id, n.parent, n.status, n.value])).toEqual([
      [0, null, 'suspended', undefined],
      [1, 0, 'suspended', undefined],
      [2, 1, 'completed', 2 + 3],
      [3, 1, 'completed', 2 + 6],
    ]);
    // timeline files travel as base64 through the bridge
    const saved = (await dbg('timeline', { action: 'save' })).result as { bytes: string };
    expect(typeof saved.bytes).toBe('string');
    expect(saved.bytes.length).toBeGreaterThan(100);
    const loaded = (await dbg('timeline', { action: 'load', bytes: saved.bytes })).result;
    expect(loaded).toHaveLength(4);
  });

  it('a running debug session can be paused and stopped; the view says what it is doing', async () => {
    const src = `let n = 0;
while (true) {
  n++;
}`;
    const d = await call<SessionView>('session.start', { source: src, debug: true });
    const id = d.id;
    const dbg = (command: string, args: Record<string, unknown> = {}) => call<{ view: SessionView; result: any }>('session.debug', { id, command, args });
    const events: { event: string; payload: any }[] = [];
    const off = services.events.subscribe((m) => events.push(m));
    // the first budget event says the continue is running in slices in the sidecar
    const sliced = () =>
      new Promise<void>((resolve) => {
        const stop = services.events.subscribe((m) => {
          if (m.event === 'session.budget' && (m.payload as { id: string }).id === id) {
            stop();
            resolve();
          }
        });
      });
    let running = sliced();
    const cont = dbg('continue');
    await running;
    expect(services.sessions.view(id)?.status).toBe('running');
    await call('session.pause', { id });
    const paused = await cont;
    expect(paused.view.status).toBe('paused');
    expect(paused.result).toMatchObject({ status: 'paused', reason: 'pause' });
    expect([2, 3]).toContain(paused.result.line);
    // stop while running: the continue ends cancelled, reported once
    running = sliced();
    const again = dbg('continue');
    await running;
    await call('session.cancel', { id });
    expect((await again).view.status).toBe('cancelled');
    off();
    expect(events.filter((e) => e.event === 'session.error' && e.payload.id === id).map((e) => e.payload.error.limit)).toEqual(['cancelled']);
    await expect(dbg('stepOver')).rejects.toThrow(/the session is cancelled/);
    await call('session.close', { id });
  });

  it('refuses what cannot run and keeps the session paused', async () => {
    const d = await call<SessionView>('session.start', { source: 'const a = ask(1);\na + 1', debug: true, mocks: { capabilities: { ask: { description: 'the user answers' } } } });
    const dbg = (command: string, args: Record<string, unknown> = {}) => call<{ view: SessionView; result: any }>('session.debug', { id: d.id, command, args });
    // an expression naming nothing is the user's mistake, not the program's end
    await expect(dbg('evaluate', { expression: 'nothing + 1' })).rejects.toThrow(/nothing/);
    await expect(dbg('evaluate', { expression: '(' })).rejects.toThrow();
    expect(services.sessions.view(d.id)?.status).toBe('paused');
    // no time travel recorded: nothing to step back to, and the program did not move
    await expect(dbg('stepBack')).rejects.toThrow(/time travel/i);
    expect(services.sessions.view(d.id)?.status).toBe('paused');
    const waiting = await dbg('continue');
    expect(waiting.view).toMatchObject({ status: 'waiting', calls: [{ id: 1, capability: 'ask', args: [1] }] });
    // answers through the debugger are checked against the calls waiting
    await expect(dbg('continue', { answers: [{ id: 7, value: 1 }] })).rejects.toThrow(/call 7 is not waiting/);
    expect(services.sessions.view(d.id)?.status).toBe('waiting');
    const done = await dbg('continue', { answers: [{ id: 1, value: 41 }] });
    expect(done.view).toMatchObject({ status: 'done', value: 42 });
    expect(done.result).toMatchObject({ status: 'completed', value: 42 });
    await expect(dbg('stepOver')).rejects.toThrow(/the session is done/);
  });

  it('refuses debugger commands for plain sessions and unknown commands', async () => {
    const plain = await call<SessionView>('session.start', { source: '1 + 1' });
    await expect(call('session.debug', { id: plain.id, command: 'stackTrace' })).rejects.toThrow(/not a debug session/);
    const d = await call<SessionView>('session.start', { source: '1 + 1', debug: true });
    await expect(call('session.debug', { id: d.id, command: 'rm -rf' })).rejects.toThrow(/unknown debugger command/);
    await expect(call('session.debug', { id: d.id, command: 'properties', args: { objectId: 999999 } })).rejects.toThrow(/no object with id/);
  });
});
