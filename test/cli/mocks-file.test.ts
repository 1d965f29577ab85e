// The mocks-file loader in-process: the format's new fields (ask, latencyMs) next to the old
// ones, how each host sees them (the CLI fails an ask; the IDE forwards it), and the checks.
import { describe, expect, it } from 'vitest';
import { CapabilityError } from '../../core/errors';
import { checkMocks, mockCapabilities } from '../../core/cli/mocks';
import { UsageError } from '../../core/cli/args';

const file = {
  $schema: './mocks.schema.json',
  version: 1,
  capabilities: {
    fixed: { description: 'd', args: { type: 'array' }, result: { type: 'integer' }, returns: 7, latencyMs: 120 },
    approve: { description: 'a human decides', ask: 'Approve the refund?', result: { type: 'boolean' } },
    plainAsk: { ask: true },
    declared: {},
  },
};

describe('mocks file: ask and latencyMs', () => {
  it('old files still load unchanged', () => {
    const old = { capabilities: { a: { returns: 1 }, b: { sequence: [{ returns: 1 }], exhausted: 'cycle' }, c: { error: 'x' }, d: { script: '1' } } };
    const caps = mockCapabilities(checkMocks(old, 'm'), 'm');
    expect(caps.map((c) => [c.name, typeof c.handler, c.latencyMs, c.ask])).toEqual([
      ['a', 'function', undefined, undefined],
      ['b', 'function', undefined, undefined],
      ['c', 'function', undefined, undefined],
      ['d', 'function', undefined, undefined],
    ]);
  });

  it('a host with a user (the IDE) gets the ask question and no handler; latency is carried', () => {
    const caps = mockCapabilities(checkMocks(file, 'm'), 'm', { askUser: true });
    const by = Object.fromEntries(caps.map((c) => [c.name, c]));
    expect(by.fixed).toMatchObject({ description: 'd', latencyMs: 120, result: { type: 'integer' } });
    expect(by.fixed.handler!()).toBe(7);
    expect(by.approve).toMatchObject({ ask: 'Approve the refund?', description: 'a human decides', result: { type: 'boolean' } });
    expect(by.approve.handler).toBeUndefined();
    expect(by.plainAsk.ask).toBe(true);
    expect(by.declared.handler).toBeUndefined();
    expect(by.declared.ask).toBeUndefined();
  });

  it('the CLI: calling an ask entry ends the run with a CapabilityError that says why', () => {
    const approve = mockCapabilities(checkMocks(file, 'm'), 'm').find((c) => c.name === 'approve')!;
    expect(approve.ask).toBeUndefined();
    expect(() => approve.handler!()).toThrow(CapabilityError);
    expect(() => approve.handler!()).toThrow('capability approve asks the user ("ask" in the mocks file), and there is no one to ask here: give it a returns, sequence, error or script mock');
  });

  it.each([
    [{ a: { ask: true, returns: 1 } }, 'm: capabilities.a has more than one mock (returns, ask); give one of returns, sequence, error, script, ask'],
    [{ a: { ask: false } }, /^m: capabilities\.a\.ask: /],
    [{ a: { ask: '' } }, /^m: capabilities\.a\.ask: /],
    [{ a: { returns: 1, latencyMs: -1 } }, 'm: capabilities.a.latencyMs: must be >= 0 (see docs/MOCKS.md)'],
    [{ a: { returns: 1, latencyMs: '5' } }, 'm: capabilities.a.latencyMs: must be number (see docs/MOCKS.md)'],
    [{ a: { returns: 1, latencyMs: 600_001 } }, 'm: capabilities.a.latencyMs: must be <= 600000 (see docs/MOCKS.md)'],
    [{ a: { ask: true, exhausted: 'cycle' } }, 'm: capabilities.a: "exhausted" only applies to a sequence'],
  ] as [Record<string, unknown>, string | RegExp][])('rejects %j', (capabilities, message) => {
    let err: unknown;
    try {
      checkMocks({ capabilities }, 'm');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    if (typeof message === 'string') expect((err as Error).message).toBe(message);
    else expect((err as Error).message).toMatch(message);
  });
});
