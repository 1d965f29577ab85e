/**
 * Capabilities: suspension at every call, sync and async call styles, fan-out within
 * the outstanding limit, schema checks both ways, the structured boundary, answers in
 * any order, pausing and cancelling.
 */
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import {
  CapabilityError,
  CapabilityFailure,
  LimitError,
  RuntimeError,
  run,
  runSync,
  start,
  type Answer,
  type Capability,
  type Outcome,
} from '../../../core/index';

vi.setConfig({ testTimeout: 60_000 });

const lookup: Capability = {
  name: 'lookup',
  description: 'a record by id',
  args: { type: 'array', items: [{ type: 'number' }], minItems: 1, maxItems: 1 },
  result: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
};

function suspended(o: Outcome): Extract<Outcome, { status: 'suspended' }> {
  if (o.status !== 'suspended') throw new Error(`expected suspended, got ${o.status}`);
  return o;
}

function completed(o: Outcome): Extract<Outcome, { status: 'completed' }> {
  if (o.status !== 'completed') throw new Error(`expected completed, got ${o.status}`);
  return o;
}

describe('sync guest code', () => {
  it('suspends on the spot and the call evaluates to the answer', () => {
    const ex = start('const a = lookup(7); const b = lookup(8); a.name + b.name', { capabilities: [lookup], seed: 1 });
    const s1 = suspended(ex.outcome);
    expect(s1.calls).toEqual([{ id: 1, capability: 'lookup', args: [7] }]);
    const s2 = suspended(ex.resume([{ id: 1, value: { name: 'x' } }]));
    expect(s2.calls).toEqual([{ id: 2, capability: 'lookup', args: [8] }]);
    expect(completed(ex.resume([{ id: 2, value: { name: 'y' } }])).value).toBe('xy');
  });

  it('an error answer is thrown at the call and can be caught there', () => {
    const src = `let r; try { lookup(1) } catch (e) { r = e.name + ': ' + e.message + ' ' + (e instanceof RangeError) } r`;
    const ex = start(src, { capabilities: [lookup] });
    const out = ex.resume([{ id: 1, error: { name: 'RangeError', message: 'no such id' } }]);
    expect(completed(out).value).toBe('RangeError: no such id true');
  });

  it('calls made from callbacks of built-ins suspend too (one at a time)', () => {
    const ex = start('[1, 2, 3].map((id) => lookup(id).name).join("-")', { capabilities: [lookup] });
    let out = ex.outcome;
    const seen: number[] = [];
    while (out.status === 'suspended') {
      expect(out.calls).toHaveLength(1);
      const c = out.calls[0];
      seen.push(c.args[0] as number);
      out = ex.resume([{ id: c.id, value: { name: `n${c.args[0]}` } }]);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(completed(out).value).toBe('n1-n2-n3');
  });

  it('runSync answers with synchronous handlers', () => {
    const r = runSync('const a = lookup(2); a.name', { capabilities: { lookup: { ...lookup, handler: (id) => ({ name: `#${id}` }) } } });
    expect(r.value).toBe('#2');
  });

  it('runSync refuses a handler that returns a promise', () => {
    expect(() => runSync('lookup(1)', { capabilities: { lookup: async () => ({ name: 'a' }) } })).toThrow(/use run\(\)/);
  });
});

describe('async guest code', () => {
  it('a call returns a promise and fan-out keeps several calls in flight', () => {
    const src = 'const rs = await Promise.all([1, 2, 3].map((id) => lookup(id))); rs.map((r) => r.name).join()';
    const ex = start(src, { capabilities: [lookup] });
    const s = suspended(ex.outcome);
    expect(s.calls.map((c) => c.args[0])).toEqual([1, 2, 3]);
    const out = ex.resume(s.calls.map((c) => ({ id: c.id, value: { name: `n${c.args[0]}` } })));
    expect(completed(out).value).toBe('n1,n2,n3');
  });

  it('inside an async function a call is a promise; a sync helper still gets the value', () => {
    const src = `
      function nameOf(id) { return lookup(id).name; }
      async function both(a, b) { const [x, y] = await Promise.all([lookup(a), lookup(b)]); return x.name + y.name + nameOf(9); }
      both(1, 2)`;
    const ex = start(src, { capabilities: [lookup] });
    const s = suspended(ex.outcome);
    expect(s.calls.map((c) => c.args[0])).toEqual([1, 2]);
    const s2 = suspended(ex.resume([{ id: 1, value: { name: 'a' } }, { id: 2, value: { name: 'b' } }]));
    expect(s2.calls.map((c) => c.args[0])).toEqual([9]);
    expect(completed(ex.resume([{ id: 3, value: { name: 'c' } }])).value).toBe('abc');
  });

  it('no more than limits.outstandingHostCalls are in flight; the rest are issued as slots free up', () => {
    const src = 'const rs = await Promise.all([1, 2, 3, 4, 5].map((id) => lookup(id))); rs.map((r) => r.name).join("")';
    const ex = start(src, { capabilities: [lookup], limits: { outstandingHostCalls: 2 } });
    let out = ex.outcome;
    const batches: number[][] = [];
    while (out.status === 'suspended') {
      batches.push(out.calls.map((c) => c.id));
      expect(out.calls.length).toBeLessThanOrEqual(2);
      const c = out.calls[0];
      out = ex.resume([{ id: c.id, value: { name: String(c.args[0]) } }]);
    }
    expect(batches).toEqual([[1, 2], [2, 3], [3, 4], [4, 5], [5]]);
    expect(completed(out).value).toBe('12345');
  });

  it('answers in every order give the same result', () => {
    const src = `
      const order = [];
      const rs = await Promise.all([1, 2, 3].map(async (id) => { const r = await lookup(id); order.push(id); return r.name; }));
      rs.join('') + ':' + order.length`;
    const perms = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
    for (const p of perms) {
      const ex = start(src, { capabilities: [lookup] });
      const calls = suspended(ex.outcome).calls;
      let out: Outcome = ex.outcome;
      for (const i of p) out = ex.resume([{ id: calls[i].id, value: { name: `n${calls[i].args[0]}` } }]);
      expect(completed(out).value).toBe('n1n2n3:3');
    }
  });

  it('run() drives async handlers concurrently', async () => {
    let inFlight = 0;
    let peak = 0;
    const handler = async (id: unknown): Promise<unknown> => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return { name: `n${id}` };
    };
    const r = await run('(await Promise.all([1, 2, 3, 4].map((id) => lookup(id)))).map((x) => x.name).join()', {
      capabilities: { lookup: { ...lookup, handler } },
      limits: { outstandingHostCalls: 3 },
    });
    expect(r.value).toBe('n1,n2,n3,n4');
    expect(peak).toBe(3);
  });

  it('run() mixes sync and async handlers; top-level code that awaits is async code', async () => {
    const r = await run('const p = now(); const a = await p; const b = await fetchIt("x"); [typeof p.then, a + b]', {
      capabilities: { now: () => 40, fetchIt: async (s) => `${s}!` },
    });
    expect(r.value).toEqual(['function', '40x!']);
  });
});

describe('schemas and the boundary', () => {
  it('arguments that violate the schema are a guest TypeError and a host diagnostic', () => {
    const seen: string[] = [];
    const ex = start('let m; try { lookup("seven") } catch (e) { m = e.constructor.name + ": " + e.message } m', {
      capabilities: [lookup],
      onDiagnostic: (d) => seen.push(`${d.direction} ${d.message}`),
    });
    expect(completed(ex.outcome).value).toBe('TypeError: lookup(): arguments[0] must be number');
    expect(seen).toEqual(['args lookup(): arguments[0] must be number']);
    expect(ex.diagnostics).toHaveLength(1);
  });

  it('a result that violates the schema is a guest TypeError and a host diagnostic', () => {
    const ex = start('let m; try { lookup(1) } catch (e) { m = e.constructor.name + ": " + e.message } m', { capabilities: [lookup] });
    const out = ex.resume([{ id: 1, value: { nom: 'x' } }]);
    expect(completed(out).value).toBe("TypeError: lookup(): result must have required property 'name'");
    expect(ex.diagnostics.map((d) => [d.direction, d.callId])).toEqual([['result', 1]]);
  });

  it('values round-trip exactly: -0, NaN, infinities, holes, unicode, nesting', () => {
    const echo: Capability = { name: 'echo' };
    // eslint-disable-next-line no-sparse-arrays
    const value = { z: -0, n: NaN, i: -Infinity, holes: [1, , 3], s: 'é😀\u{10FFFF}\uD800', deep: { a: [[{ b: null }]] }, u: undefined };
    const ex = start('const v = echo(arg); [Object.is(v.z, -0), Number.isNaN(v.n), 1 in v.holes, v.holes.length, v.s.length, echo(v)]', {
      capabilities: [echo],
      inputs: { arg: value },
    });
    const first = suspended(ex.outcome).calls[0];
    expect(Object.is((first.args[0] as typeof value).z, -0)).toBe(true);
    expect(1 in (first.args[0] as typeof value).holes).toBe(false);
    const second = suspended(ex.resume([{ id: 1, value: first.args[0] }])).calls[0];
    const back = second.args[0] as typeof value;
    expect(Object.is(back.z, -0)).toBe(true);
    expect(back.n).toBeNaN();
    expect(back.i).toBe(-Infinity);
    expect(back.holes.length).toBe(3);
    expect(1 in back.holes).toBe(false);
    expect(back.s).toBe(value.s);
    expect(back.deep).toEqual(value.deep);
    expect('u' in back).toBe(true);
    const out = completed(ex.resume([{ id: 2, value: 0 }]));
    expect(out.value).toEqual([true, true, false, 3, value.s.length, 0]);
  });

  it('plain objects from another realm (node:vm) are accepted', () => {
    const foreign = vm.runInNewContext('({ list: [1, { a: "b" }], n: null })');
    const ex = start('const v = get(); v.list[1].a + v.list.length', { capabilities: [{ name: 'get' }] });
    expect(completed(ex.resume([{ id: 1, value: foreign }])).value).toBe('b2');
  });

  it.each([
    ['a function', () => () => 1, /function values cannot cross/],
    ['a symbol', () => Symbol('s'), /symbol values cannot cross/],
    ['a class instance', () => new (class Point { x = 1 })(), /only plain objects and arrays/],
    ['a Map', () => new Map(), /only plain objects and arrays/],
    ['a cycle', () => { const o: Record<string, unknown> = {}; o.self = o; return o; }, /cyclic/],
    ['an accessor', () => Object.defineProperty({}, 'x', { get: () => 1, enumerable: true }), /accessor/],
    ['a bigint', () => 1n, /bigint/],
  ])('a result that is %s is refused', (_what, make, message) => {
    const ex = start('let m; try { get() } catch (e) { m = e.message } m', { capabilities: [{ name: 'get' }] });
    const out = completed(ex.resume([{ id: 1, value: make() }]));
    expect(out.value).toMatch(message);
    expect(ex.diagnostics[0].direction).toBe('result');
  });

  it.each([
    ['a function', 'put(() => 1)', /functions cannot cross/],
    ['a symbol', 'put(Symbol("s"))', /symbols cannot cross/],
    ['a class instance', 'class P {}; put(new P())', /only plain objects and arrays/],
    ['a Map', 'put(new Map())', /only plain objects and arrays/],
    ['a cycle', 'const o = {}; o.o = o; put(o)', /cyclic/],
    ['an accessor', 'put({ get x() { return 1 } })', /accessor/],
    ['a bigint', 'put(1n)', /bigint/],
  ])('guest arguments that are %s are refused before the host sees them', (_what, src, message) => {
    const ex = start(`let m; try { ${src} } catch (e) { m = e.name + ": " + e.message } m`, { capabilities: [{ name: 'put' }] });
    const out = completed(ex.outcome);
    expect(out.value).toMatch(/^TypeError: /);
    expect(out.value).toMatch(message);
  });

  it('a capability is not a constructor and checks its name', () => {
    expect(completed(start('let m; try { new lookup(1) } catch (e) { m = e.message } m', { capabilities: [lookup] }).outcome).value).toBe(
      'lookup is not a constructor',
    );
    expect(() => start('1', { capabilities: [{ name: 'not a name' }] })).toThrow(CapabilityError);
    expect(() => start('1', { capabilities: [{ name: 'a' }, { name: 'a' }] })).toThrow(/declared twice/);
  });
});

describe('host errors and misuse', () => {
  it('a handler throw reaches the guest without host details; CapabilityFailure crosses as given', async () => {
    const diag: string[] = [];
    const r = await run(
      `let out = []; try { await secret() } catch (e) { out.push(e.message) } try { await polite() } catch (e) { out.push(e.name + ':' + e.message) } out`,
      {
        capabilities: {
          secret: async () => {
            throw new Error('ENOENT: /home/host/secret.txt');
          },
          polite: () => {
            throw new CapabilityFailure('not found', 'RangeError');
          },
        },
        onDiagnostic: (d) => diag.push(d.message),
      },
    );
    expect(r.value).toEqual(['capability secret failed', 'RangeError:not found']);
    expect(JSON.stringify(r.value)).not.toMatch(/home|ENOENT/);
    expect(diag.join()).toMatch(/ENOENT/);
  });

  it('answers for unknown or repeated ids are refused and nothing is applied', () => {
    const ex = start('lookup(1).name', { capabilities: [lookup] });
    expect(() => ex.resume([{ id: 5, value: { name: 'x' } }])).toThrow(/no outstanding call with id 5/);
    expect(() => ex.resume([{ id: 1, value: { name: 'x' } }, { id: 1, value: { name: 'y' } }] as Answer[])).toThrow(/answered twice/);
    expect(completed(ex.resume([{ id: 1, value: { name: 'ok' } }])).value).toBe('ok');
    expect(() => ex.resume()).toThrow(/already completed/);
  });

  it('an uncaught guest error is a RuntimeError, and stays the answer to every later resume', () => {
    const ex = start('lookup(1); throw new TypeError("bad")', { capabilities: [lookup] });
    expect(() => ex.resume([{ id: 1, value: { name: 'x' } }])).toThrow(RuntimeError);
    expect(() => ex.resume()).toThrow(/bad/);
  });

  it('cancel while suspended: the next resume throws LimitError(cancelled)', () => {
    const ex = start('lookup(1)', { capabilities: [lookup] });
    suspended(ex.outcome);
    ex.cancel();
    try {
      ex.resume([{ id: 1, value: { name: 'x' } }]);
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(LimitError);
      expect((e as LimitError).limit).toBe('cancelled');
    }
  });

  it('aborting run() while it waits for the host rejects with LimitError(cancelled)', async () => {
    const ac = new AbortController();
    const p = run('await lookup(1)', { capabilities: { lookup: () => new Promise(() => {}) }, signal: ac.signal });
    setTimeout(() => ac.abort(), 10);
    await expect(p).rejects.toMatchObject({ name: 'LimitError', limit: 'cancelled' });
  });
});

describe('pausing', () => {
  it('time slices pause at instruction boundaries and continue to the same result and count', () => {
    const src = 'let s = 0; for (let i = 0; i < 2000; i++) s += i % 7; s';
    const whole = runSync(src, { seed: 3 });
    const ex = start(src, { seed: 3, sliceInstructions: 997 });
    let out = ex.outcome;
    let pauses = 0;
    while (out.status === 'paused') {
      pauses++;
      expect(out.instructions).toBe(pauses * 997);
      out = ex.resume();
    }
    expect(pauses).toBeGreaterThan(5);
    expect(completed(out).value).toBe(whole.value);
    expect(out.instructions).toBe(whole.instructions);
  });

  it('pause() from a console callback stops the step', () => {
    let ex: ReturnType<typeof start> | null = null;
    const logs: string[] = [];
    ex = start('for (let i = 0; i < 3; i++) console.log(i); "done"', {
      onConsole: (_l, t) => {
        logs.push(t);
        ex?.pause();
      },
      sliceInstructions: 0,
    });
    // the first step ran before `ex` was assigned: it completes or pauses after a log
    let out = ex.outcome;
    while (out.status === 'paused') out = ex.resume();
    expect(completed(out).value).toBe('done');
    expect(logs).toEqual(['0', '1', '2']);
  });
});
