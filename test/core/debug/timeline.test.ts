/** The run timeline: suspensions as nodes, forks with other answers, save and load. */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../core/debug/timeline';
import { compile, SerializationError } from '../../../core/index';

const SRC = `const a = ask('first?');
const b = ask('second?');
if (a === 'stop') throw new Error('stopped');
a + '/' + b`;
const program = compile(SRC, { globals: ['ask'], capabilities: ['ask'] });
const options = { capabilities: [{ name: 'ask' }], seed: 1 };
const KEY = 'timeline-test-key';

describe('timeline', () => {
  it('records suspensions as nodes and forks runs from any node', () => {
    const t = Timeline.start(program, options, KEY);
    expect(t.root).toMatchObject({ status: 'suspended', calls: [{ id: 1, args: ['first?'] }] });
    const x = t.answer(0, [{ id: 1, value: 'x' }]);
    expect(x).toMatchObject({ parent: 0, status: 'suspended', calls: [{ id: 2, args: ['second?'] }] });
    const xy = t.answer(x.id, [{ id: 2, value: 'y' }]);
    expect(xy).toMatchObject({ status: 'completed', value: 'x/y' });
    // fork the second answer, then the first
    const xz = t.answer(x.id, [{ id: 2, value: 'z' }]);
    expect(xz).toMatchObject({ status: 'completed', value: 'x/z' });
    const stop = t.answer(0, [{ id: 1, value: 'stop' }]);
    const stopped = t.answer(stop.id, [{ id: 2, value: 'w' }]);
    expect(stopped).toMatchObject({ status: 'failed', error: { kind: 'Runtime', message: 'Error: stopped' } });
    expect(t.root.children).toEqual([x.id, stop.id]);
    expect(t.node(x.id).children).toEqual([xy.id, xz.id]);
    expect(t.path(xz.id).map((n) => n.id)).toEqual([0, x.id, xz.id]);
    // the same answers give the same instruction counts: runs are deterministic
    expect(xy.instructions).toBe(xz.instructions);
    expect(() => t.answer(xy.id, [])).toThrow(/not waiting/);
  });

  it('saves to bytes and loads back; forks continue from loaded nodes', () => {
    const t = Timeline.start(program, options, KEY);
    const x = t.answer(0, [{ id: 1, value: 'x' }]);
    const bytes = t.save();
    const u = Timeline.load(bytes, program, options, KEY);
    expect(u.nodes.map((n) => [n.id, n.parent, n.status])).toEqual(t.nodes.map((n) => [n.id, n.parent, n.status]));
    expect(u.answer(x.id, [{ id: 2, value: 'q' }])).toMatchObject({ status: 'completed', value: 'x/q' });
    // a wrong key is caught when a snapshot is used; a different program and garbage at load
    const wrong = Timeline.load(bytes, program, options, 'another-key');
    expect(() => wrong.answer(x.id, [{ id: 2, value: 'q' }])).toThrow(SerializationError);
    expect(() => Timeline.load(bytes, compile('1', {}), options, KEY)).toThrow(/different program/);
    expect(() => Timeline.load(new Uint8Array([1, 2, 3]), program, options, KEY)).toThrow(SerializationError);
  });

  it('keeps the console output of each stretch output on the node it leads to, across save and load', () => {
    const src = `console.log('start');
const a = ask('first?');
console.warn('got ' + a);
a`;
    const p = compile(src, { globals: ['ask'], capabilities: ['ask'] });
    const seen: string[] = [];
    const t = Timeline.start(p, { ...options, onConsole: (_l, text) => seen.push(text) }, KEY);
    expect(t.root.console).toEqual([{ level: 'log', text: 'start' }]);
    const x = t.answer(0, [{ id: 1, value: 'x' }]);
    const y = t.answer(0, [{ id: 1, value: 'y' }]);
    expect(x.console).toEqual([{ level: 'warn', text: 'got x' }]);
    expect(y.console).toEqual([{ level: 'warn', text: 'got y' }]);
    // the host's own console hook still hears everything
    expect(seen).toEqual(['start', 'got x', 'got y']);
    const u = Timeline.load(t.save(), p, options, KEY);
    expect(u.node(y.id).console).toEqual([{ level: 'warn', text: 'got y' }]);
  });
});
