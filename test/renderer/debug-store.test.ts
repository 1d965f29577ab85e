/**
 * The debug store's logic against the real session service and sidecar (in-process bridge,
 * JSON on the wire as in browser mode): run to a breakpoint, answer an ask-me call, step over
 * an awaited capability call, watches, step back, conditions, logpoints, exceptions, stop.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../main/services';
import { createClient } from '../../preload/client';
import type { CapsuleApi } from '../../preload/api';
import { createDebugger, inlineValueMap, type DebugDeps } from '../../renderer/src/stores/debug-session';
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
console.log('start');
function ask() { return confirm('charge?'); }
const ok = ask();
const t = await total([1, 2]);
ok ? t : 0`;

const MOCKS = { capabilities: { lookup: { script: '({ price: args[0] * 10 })' }, confirm: { description: 'asks the user' } } };

let services: Services;
let api: CapsuleApi;
beforeAll(() => {
  ensureBundle();
  // the store's logic is under test, not the watchdog: patient with a loaded test machine
  services = createServices({ mode: 'browser', sessions: { heartbeatTimeoutMs: 60_000 } });
  const client = createClient({ request: (method, params) => services.handle(method, params === undefined ? undefined : JSON.parse(JSON.stringify(params))) });
  services.events.subscribe((m) => client.deliver(JSON.parse(JSON.stringify(m))));
  api = client.api;
});
afterAll(() => services?.dispose());

function memoryStorage(): NonNullable<DebugDeps['storage']> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

function debuggerFor(source: string, mocks: unknown = MOCKS, storage = memoryStorage()) {
  return createDebugger({ api: () => api, source: () => source, mocks: () => mocks, storage, checkpointEvery: 20 });
}

describe('the debug store', () => {
  it('runs to a breakpoint, answers ask-me, steps over an awaited call, watches, steps back and stops', async () => {
    const d = debuggerFor(SRC);
    await d.toggleBreakpoint('pay.js', 4);
    await d.addWatch('sum');
    await d.run('pay.js');
    // confirm() has no mock: the user answers
    expect(d.state.status).toBe('waiting');
    expect(d.state.calls).toMatchObject([{ capability: 'confirm', args: ['charge?'] }]);
    expect(d.state.console).toContainEqual({ level: 'log', text: 'start' });
    await d.answer([{ id: d.state.calls[0]!.id, value: true }]);
    expect(d.state.status).toBe('paused');
    expect(d.state.paused).toMatchObject({ line: 4, reason: 'breakpoint' });
    expect(d.state.breakpoints['pay.js']).toMatchObject([{ line: 4, verified: true }]);
    const program = d.state.stack.filter((f) => !f.builtin);
    expect(program.map((f) => [f.name, f.line])).toEqual([
      ['total', 4],
      ['<script>', 12],
    ]);
    expect(d.state.stack[d.state.frame]?.name).toBe('total');
    const names = d.state.scopes.flatMap((s) => s.variables.map((v) => v.name));
    expect(names).toEqual(expect.arrayContaining(['ids', 'sum', 'id']));
    expect(d.state.watches).toMatchObject([{ expression: 'sum', value: '0', error: null }]);
    expect(inlineValueMap(d.state.scopes).get('sum')).toBe('0');
    // the caller, still on the stack before the first await: its own scopes and the watch there
    await d.selectFrame(1);
    expect(d.state.scopes.flatMap((s) => s.variables.map((v) => v.name))).toContain('ok');
    expect(d.state.watches[0]).toMatchObject({ value: null, error: 'sum is not defined' });
    await d.selectFrame(0);
    expect(d.state.watches[0]).toMatchObject({ value: '0' });

    // step over the awaited (mocked) capability call: the next line, item is known
    await d.stepOver();
    expect(d.state.paused).toMatchObject({ line: 5, reason: 'step' });
    await d.addWatch('item.price');
    expect(d.state.watches.map((w) => w.value)).toEqual(['0', '10']);
    const item = d.state.scopes.flatMap((s) => s.variables).find((v) => v.name === 'item');
    expect(item?.objectId).toBeTypeOf('number');
    expect(await d.properties(item!.objectId!)).toContainEqual(expect.objectContaining({ name: 'price', preview: '10' }));
    // the loop's next iteration: \`item\` of this iteration is not defined yet
    await d.stepOver();
    expect(d.state.paused?.line).toBe(4);
    expect(d.state.watches[0]?.value).toBe('10');
    expect(d.state.watches[1]).toMatchObject({ value: null, error: 'item is not defined' });
    expect(d.state.status).toBe('paused');

    // back in time: the previous statement, with the values it had
    await d.stepBack();
    expect(d.state.paused?.line).toBe(5);
    expect(d.state.watches.map((w) => w.value)).toEqual(['0', '10']);
    // its caller awaits it now: its saved variables are shown
    expect(d.state.stack[1]).toMatchObject({ name: '<script>', asyncCaller: true });
    await d.selectFrame(1);
    expect(d.state.scopes.flatMap((s) => s.variables.map((v) => `${v.name}=${v.preview}`))).toEqual(expect.arrayContaining(['ok=true']));
    expect(d.state.scopesNote).toBeNull();
    await d.selectFrame(0);

    const before = services.sessions.count;
    await d.stop();
    expect(d.state.status).toBe('cancelled');
    expect(d.state.paused).toBeNull();
    expect(services.sessions.count).toBe(before - 1);
  });

  it('conditional breakpoints, moved breakpoints, logpoints and the result', async () => {
    const d = debuggerFor(SRC);
    await d.setBreakpointOptions('pay.js', 5, { condition: 'sum > 0' });
    await d.toggleBreakpoint('pay.js', 6); // a closing brace: moves to the next line with code
    await d.setBreakpointEnabled('pay.js', d.state.breakpoints['pay.js']![1]!.id, false);
    await d.setBreakpointOptions('pay.js', 7, { logMessage: 'sum is {sum}' });
    await d.addWatch('id');
    await d.run('pay.js');
    await d.answer([{ id: d.state.calls[0]!.id, value: true }]);
    // the condition holds on the second iteration only
    expect(d.state.paused).toMatchObject({ line: 5, reason: 'breakpoint' });
    expect(d.state.watches[0]?.value).toBe('2');
    // enabling the breakpoint on line 6 places it: the program says it moved to line 7 … which
    // already has the logpoint, so it stays where the user put it, with the reason
    await d.setBreakpointEnabled('pay.js', d.state.breakpoints['pay.js']![1]!.id, true);
    expect(d.state.breakpoints['pay.js']![1]).toMatchObject({ line: 6, verified: true });
    expect(d.state.breakpoints['pay.js']![1]!.message).toBeTruthy();
    await d.setBreakpointEnabled('pay.js', d.state.breakpoints['pay.js']![1]!.id, false);
    await d.continue_();
    expect(d.state.status).toBe('done');
    expect(d.state.result).toEqual({ value: 30 });
    expect(d.state.console).toContainEqual({ level: 'log', text: 'sum is 30' });
    expect(d.state.console).toContainEqual({ level: 'result', text: 'Result: 30' });
  });

  it('stops on an uncaught exception, then reports it readably', async () => {
    const d = debuggerFor(`function check(n) {\n  if (n > 1) throw new RangeError('too big: ' + n);\n  return n;\n}\ncheck(1);\ncheck(2);`, undefined);
    await d.run('check.js');
    expect(d.state.paused).toMatchObject({ line: 2, reason: 'exception' });
    expect(d.state.paused?.exception?.preview).toContain('too big: 2');
    await d.continue_();
    expect(d.state.status).toBe('failed');
    expect(d.state.console.at(-1)).toMatchObject({ level: 'error' });
    expect(d.state.console.at(-1)?.text).toContain('RangeError: too big: 2');
    expect(d.state.console.at(-1)?.text).not.toMatch(/\/work\/|node:internal|at .*\.ts/);
  });

  it('pauses a busy program, stops it while it runs, and restarts', async () => {
    const d = debuggerFor('let n = 0;\nwhile (true) {\n  n++;\n}', undefined);
    const budget = () =>
      new Promise<void>((resolve) => {
        const off = api.on('session.budget', (e) => {
          if (e.id === d.state.sessionId) {
            off();
            resolve();
          }
        });
      });
    let running = budget();
    const run = d.run('loop.js');
    await running;
    expect(d.state.status).toBe('running');
    await d.pause();
    await run;
    expect(d.state.status).toBe('paused');
    expect(d.state.paused?.reason).toBe('pause');
    expect([2, 3]).toContain(d.state.paused?.line);
    running = budget();
    const cont = d.continue_();
    await running;
    await d.stop();
    await cont;
    expect(d.state.status).toBe('cancelled');
    // restart: the same file, a new session
    const first = d.state.sessionId;
    await d.toggleBreakpoint('loop.js', 3);
    await d.restart();
    expect(d.state.sessionId).not.toBe(first);
    expect(d.state.paused).toMatchObject({ line: 3, reason: 'breakpoint' });
    await d.stop();
  });

  it('keeps breakpoints, watches and the exception setting per file across reloads', async () => {
    const storage = memoryStorage();
    const a = debuggerFor(SRC, MOCKS, storage);
    await a.toggleBreakpoint('pay.js', 4);
    await a.setBreakpointOptions('other.js', 2, { hitCount: 3 });
    await a.addWatch('sum * 2');
    await a.setExceptionBreak('all');
    a.moveBreakpoints('pay.js', [{ id: a.state.breakpoints['pay.js']![0]!.id, line: 5 }], []);
    const b = debuggerFor(SRC, MOCKS, storage);
    expect(b.state.breakpoints['pay.js']).toMatchObject([{ line: 5, enabled: true }]);
    expect(b.state.breakpoints['other.js']).toMatchObject([{ line: 2, hitCount: 3 }]);
    expect(b.state.watches.map((w) => w.expression)).toEqual(['sum * 2']);
    expect(b.state.exceptionBreak).toBe('all');
    // new ids do not collide with kept ones
    await b.toggleBreakpoint('pay.js', 9);
    const ids = b.state.breakpoints['pay.js']!.map((x) => x.id);
    expect(new Set(ids).size).toBe(2);
    await b.toggleBreakpoint('pay.js', 9);
    expect(b.state.breakpoints['pay.js']).toHaveLength(1);
    b.removeWatch(b.state.watches[0]!.id);
    await b.removeAllBreakpoints();
    const c = debuggerFor(SRC, MOCKS, storage);
    expect(c.state.watches).toEqual([]);
    expect(c.state.breakpoints).toEqual({});
  });
});
