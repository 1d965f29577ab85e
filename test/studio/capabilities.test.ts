/**
 * The IDE's capability mocks in main: the call log (`session.call`), arguments that break
 * the schema (flagged in `session.suspended` and answered with core's TypeError), results
 * that break it, simulated latency (answers in due order, other sessions not held up,
 * cancel during a wait), explicit "ask", and the mocks.check / mocks.validate requests.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../main/services';
import type { CallRecord, EventMessage, Events, SessionView } from '../../preload/api';
import { ensureBundle } from '../cli/helpers';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
beforeAll(() => ensureBundle());

let services: Services | null = null;
afterEach(async () => {
  await services?.dispose();
  services = null;
});

function setup(): { services: Services; events: EventMessage[] } {
  services = createServices({ mode: 'browser' });
  const events: EventMessage[] = [];
  services.events.subscribe((m) => events.push(m));
  return { services, events };
}

async function ok<T>(p: Promise<{ ok: boolean; result?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`request failed: ${JSON.stringify(r)}`);
  return r.result as T;
}

function payloads<E extends keyof Events>(events: EventMessage[], name: E, id?: string): Events[E][] {
  return events.filter((e) => e.event === name && (id === undefined || (e.payload as { id: string }).id === id)).map((e) => e.payload as Events[E]);
}

/** The last state of each logged call of a session, by call id. */
function callLog(events: EventMessage[], id: string): CallRecord[] {
  const by = new Map<number, CallRecord>();
  for (const p of payloads(events, 'session.call', id)) by.set(p.call.id, p.call);
  return [...by.values()].sort((a, b) => a.id - b.id);
}

const TYPED = {
  capabilities: {
    search: {
      args: { type: 'array', items: [{ type: 'object', required: ['q'], properties: { q: { type: 'string' }, limit: { type: 'integer' } } }], minItems: 1 },
      result: { type: 'array', items: { type: 'string' } },
      returns: ['a', 'b'],
    },
    broken: { result: { type: 'string' }, returns: 42 },
    approve: { ask: 'Approve the refund?', args: { type: 'array', items: [{ type: 'number' }] }, result: { type: 'boolean' } },
  },
};

describe('the call log and schema checks', () => {
  it('logs each call with arguments, answer, who answered and timing; flags arguments and results that break the schema', async () => {
    const { services, events } = setup();
    const source = [
      'const out = [];',
      'const grab = async (f) => { try { return await f() } catch (e) { return e.name + ": " + e.message } };',
      'out.push(await search({ q: "timeout" }));',
      'out.push(await grab(() => search({ q: 7 })));',
      'out.push(await grab(() => broken()));',
      'out.push(await approve(12.5));',
      'out',
    ].join('\n');
    const waiting = await ok<SessionView>(services.handle('session.start', { source, mocks: TYPED }));
    expect(waiting).toMatchObject({ status: 'waiting', calls: [{ id: 4, capability: 'approve', args: [12.5] }] });

    // the bad call is flagged where the suspension is reported
    const suspended = payloads(events, 'session.suspended', waiting.id).flatMap((p) => p.calls);
    expect(suspended.find((c) => c.id === 2)).toEqual({
      id: 2,
      capability: 'search',
      args: [{ q: 7 }],
      answeredBy: 'schema',
      problems: ['search(): arguments[0].q must be string'],
    });
    expect(suspended.find((c) => c.id === 1)).toEqual({ id: 1, capability: 'search', args: [{ q: 'timeout' }], answeredBy: 'mock' });
    expect(suspended.find((c) => c.id === 4)).toMatchObject({ answeredBy: 'user' });

    const done = await ok<SessionView>(services.handle('session.continue', { id: waiting.id, answers: [{ id: 4, value: true }] }));
    expect(done).toMatchObject({ status: 'done' });
    expect(done.value).toEqual([['a', 'b'], 'TypeError: search(): arguments[0].q must be string', 'TypeError: broken(): result must be string', true]);

    const log = callLog(events, waiting.id);
    expect(log.map((c) => [c.id, c.capability, c.answeredBy, c.state])).toEqual([
      [1, 'search', 'mock', 'answered'],
      [2, 'search', 'schema', 'answered'],
      [3, 'broken', 'mock', 'answered'],
      [4, 'approve', 'user', 'answered'],
    ]);
    expect(log[0]).toMatchObject({ args: [{ q: 'timeout' }], answer: { value: ['a', 'b'] } });
    expect(log[0].problems).toBeUndefined();
    expect(log[1]).toMatchObject({ answer: { error: { name: 'TypeError', message: 'search(): arguments[0].q must be string' } }, problems: ['search(): arguments[0].q must be string'] });
    expect(log[2]).toMatchObject({ answer: { value: 42 }, problems: ['broken(): result must be string'] });
    expect(log[3]).toMatchObject({ prompt: 'Approve the refund?', answer: { value: true } });
    for (const c of log) {
      expect(typeof c.startedAt).toBe('number');
      expect(c.answeredAt! >= c.startedAt).toBe(true);
    }
    // the user's call was logged as pending first, then answered
    const approveEvents = payloads(events, 'session.call', waiting.id).filter((p) => p.call.id === 4);
    expect(approveEvents.map((p) => p.call.state)).toEqual(['pending', 'answered']);
  });

  it("a user's answer that breaks the result schema is flagged, and the guest gets core's TypeError", async () => {
    const { services, events } = setup();
    const source = 'let r; try { r = await approve(1) } catch (e) { r = e.message } r';
    const waiting = await ok<SessionView>(services.handle('session.start', { source, mocks: TYPED }));
    expect(waiting.status).toBe('waiting');
    const done = await ok<SessionView>(services.handle('session.continue', { id: waiting.id, answers: [{ id: 1, value: 'yes' }] }));
    expect(done).toMatchObject({ status: 'done', value: 'approve(): result must be boolean' });
    expect(callLog(events, waiting.id)[0]).toMatchObject({ answeredBy: 'user', answer: { value: 'yes' }, problems: ['approve(): result must be boolean'] });
  });

  it('an error answer is logged as an error; a malformed one is refused', async () => {
    const { services, events } = setup();
    const source = 'let r; try { r = await approve(1) } catch (e) { r = e.name + ": " + e.message } r';
    const waiting = await ok<SessionView>(services.handle('session.start', { source, mocks: TYPED }));
    const bad = await services.handle('session.continue', { id: waiting.id, answers: [{ id: 1, error: 42 }] });
    expect(bad).toEqual({ ok: false, error: { message: 'an error answer needs a message' } });
    const done = await ok<SessionView>(services.handle('session.continue', { id: waiting.id, answers: [{ id: 1, error: { name: 'RangeError', message: 'refused by Ada' } }] }));
    expect(done).toMatchObject({ status: 'done', value: 'RangeError: refused by Ada' });
    expect(callLog(events, waiting.id)[0]).toMatchObject({ state: 'answered', answer: { error: { name: 'RangeError', message: 'refused by Ada' } } });
  });
});

describe('simulated latency', () => {
  it('answers are delivered in due order: a race is won by the faster mock, called second', async () => {
    const { services, events } = setup();
    const mocks = { capabilities: { slow: { returns: 'slow', latencyMs: 300 }, fast: { returns: 'fast', latencyMs: 20 }, now: { returns: 'now' } } };
    const source = 'const winner = await Promise.race([slow(), fast()]); const again = await slow(); [winner, again, await now()]';
    const done = await ok<SessionView>(services.handle('session.start', { source, mocks }));
    expect(done).toMatchObject({ status: 'done', value: ['fast', 'slow', 'now'] });
    const answered = payloads(events, 'session.call', done.id).filter((p) => p.call.state === 'answered').map((p) => p.call);
    expect(answered.map((c) => `${c.id}:${c.capability}`)).toEqual(['2:fast', '1:slow', '3:slow', '4:now']);
    const slow = answered.find((c) => c.id === 1)!;
    expect(slow.latencyMs).toBe(300);
    // never earlier than the latency (a lower bound only: no upper timing bound in tests)
    expect(slow.answeredAt! - slow.startedAt).toBeGreaterThanOrEqual(299);
    expect(answered.find((c) => c.id === 4)!.latencyMs).toBeUndefined();
  });

  it('a session waiting on latency holds up no other session, and cancel ends the wait', async () => {
    const { services, events } = setup();
    const slowRun = services.handle('session.start', { source: 'await slow()', mocks: { capabilities: { slow: { returns: 1, latencyMs: 600_000 } } } });
    // wait until the slow session's call is logged: it is now waiting on the latency
    const slowId = await new Promise<string>((resolve) => {
      const off = services.events.subscribe((m) => {
        if (m.event === 'session.call') {
          off();
          resolve((m.payload as { id: string }).id);
        }
      });
    });
    const other = await ok<SessionView>(services.handle('session.start', { source: 'await quick() + 1', mocks: { capabilities: { quick: { returns: 41 } } } }));
    expect(other).toMatchObject({ status: 'done', value: 42 });
    expect(payloads(events, 'session.done', slowId)).toEqual([]);
    await services.handle('session.cancel', { id: slowId });
    const slow = (await slowRun) as { ok: true; result: SessionView };
    expect(slow.result.status).toBe('cancelled');
    expect(callLog(events, slowId)[0]).toMatchObject({ capability: 'slow', state: 'pending', latencyMs: 600_000 });
  });
});

describe('mocks.check and mocks.validate', () => {
  it('mocks.check lists every problem with its place', async () => {
    const { services } = setup();
    const good = await ok<{ problems: unknown[] }>(services.handle('mocks.check', { mocks: TYPED }));
    expect(good.problems).toEqual([]);
    const bad = await ok<{ problems: { path: string; message: string }[] }>(
      services.handle('mocks.check', {
        mocks: { capabilities: { a: { retuns: 1 }, b: { latencyMs: -1 }, c: { args: { type: 'nope' } } } },
      }),
    );
    expect(bad.problems).toEqual(
      expect.arrayContaining([
        { path: 'capabilities.a', message: "must NOT have additional properties 'retuns'" },
        { path: 'capabilities.b.latencyMs', message: 'must be >= 0' },
      ]),
    );
    const schema = await ok<{ problems: { path: string; message: string }[] }>(services.handle('mocks.check', { mocks: { capabilities: { c: { args: { type: 'nope' }, returns: 1 } } } }));
    expect(schema.problems).toHaveLength(1);
    expect(schema.problems[0].path).toBe('capabilities.c.args');
    expect(schema.problems[0].message).toMatch(/^invalid JSON Schema: /);
    const two = await ok<{ problems: { path: string; message: string }[] }>(services.handle('mocks.check', { mocks: { capabilities: { d: { returns: 1, error: 'x' } } } }));
    expect(two.problems).toEqual([{ path: 'capabilities.d', message: 'more than one mock (returns, error); give one of returns, sequence, error, script, ask' }]);
    const script = await ok<{ problems: { path: string; message: string }[] }>(services.handle('mocks.check', { mocks: { capabilities: { e: { script: 'let x = ;' } } } }));
    expect(script.problems).toEqual([{ path: 'capabilities.e.script', message: "1:9: error CAP0001: Unexpected token ';'" }]);
  });

  it('mocks.validate: schema errors, warnings for unknown keywords, and every value error worded like core', async () => {
    const { services } = setup();
    const schema = { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, level: { enum: ['low', 'high'] } } };
    expect(await ok(services.handle('mocks.validate', { schema, value: { id: 1, level: 'low' }, root: 'result' }))).toEqual({ schemaError: null, warnings: [], errors: [] });
    expect(await ok(services.handle('mocks.validate', { schema, value: { level: 'mid' }, root: 'result' }))).toEqual({
      schemaError: null,
      warnings: [],
      errors: ["result must have property 'id'", 'result.level must be equal to one of the allowed values ("low", "high")'],
    });
    const typo = await ok<{ schemaError: string | null; warnings: string[] }>(services.handle('mocks.validate', { schema: { tpye: 'string' } }));
    expect(typo.schemaError).toBeNull();
    expect(typo.warnings[0]).toMatch(/unknown keyword: "tpye"/);
    const broken = await ok<{ schemaError: string | null }>(services.handle('mocks.validate', { schema: { type: 12 } }));
    expect(broken.schemaError).toMatch(/schema is invalid/);
    expect(await ok(services.handle('mocks.validate', { schema: [1] }))).toMatchObject({ schemaError: 'a JSON Schema is an object (or true / false)' });
    expect(await services.handle('mocks.validate', { schema: {}, root: 'x' })).toEqual({ ok: false, error: { message: 'root must be "arguments" or "result"' } });
    expect(await services.handle('mocks.validate', 5)).toEqual({ ok: false, error: { message: 'params must be { schema, value?, root? }' } });
  });
});
