/** The debugger through the session service and the sidecar: the same engine, over the protocol. */
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
    // back in time: the previous statement of this iteration
    const back = await dbg('stepBack');
    expect(back.result).toMatchObject({ status: 'paused', line: 4 });
    await dbg('removeBreakpoint', { id: 1 });
    const done = await dbg('continue');
    expect(done.view).toMatchObject({ status: 'done', value: 30 });
  });

  it('refuses debugger commands for plain sessions and unknown commands', async () => {
    const plain = await call<SessionView>('session.start', { source: '1 + 1' });
    await expect(call('session.debug', { id: plain.id, command: 'stackTrace' })).rejects.toThrow(/not a debug session/);
    const d = await call<SessionView>('session.start', { source: '1 + 1', debug: true });
    await expect(call('session.debug', { id: d.id, command: 'rm -rf' })).rejects.toThrow(/unknown debugger command/);
    await expect(call('session.debug', { id: d.id, command: 'properties', args: { objectId: 999999 } })).rejects.toThrow(/no object with id/);
  });
});
