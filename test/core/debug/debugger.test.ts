/**
 * The debugger engine in-process: stepping sequences as line sequences, breakpoints
 * (moved, column-aware, conditional, hit counts, logpoints, bytecode offsets), stepping
 * over an awaited capability call across the host's answer, and inspection.
 */
import { describe, expect, it } from 'vitest';
import { Debugger, type DebugOutcome } from '../../../core/debug/debugger';
import { runSync, start, type StartOptions } from '../../../core/index';
import { OPERANDS } from '../../../core/opcodes';
import * as heap from '../../../core/debug/heap';

function debug(source: string, options: StartOptions = {}): Debugger {
  return new Debugger(start(source, { ...options, startPaused: true, seed: 1 }));
}

/** Lines visited by repeated steps until the program ends (the first entry is where it starts). */
function lines(d: Debugger, step: (d: Debugger) => DebugOutcome, max = 200): (number | string)[] {
  const out: (number | string)[] = [];
  let o = step(d);
  for (let i = 0; i < max && o.status === 'paused'; i++) {
    out.push(o.line!);
    o = step(d);
  }
  out.push(o.status);
  return out;
}

const CALLS = `function add(a, b) {
  const s = a + b;
  return s;
}
let total = 0;
for (let i = 0; i < 2; i++) {
  total = add(total, i);
}
total`;

describe('stepping', () => {
  it('step into enters calls and comes back to the call site', () => {
    expect(lines(debug(CALLS), (d) => d.stepInto())).toEqual([5, 6, 6, 7, 2, 3, 7, 6, 6, 7, 2, 3, 7, 6, 6, 9, 'completed']);
  });

  it('step over runs calls at full speed', () => {
    expect(lines(debug(CALLS), (d) => d.stepOver())).toEqual([5, 6, 6, 7, 6, 6, 7, 6, 6, 9, 'completed']);
  });

  it('step out returns to the call site', () => {
    const d = debug(CALLS);
    d.setBreakpoint({ line: 2 });
    expect(d.continue()).toMatchObject({ status: 'paused', reason: 'breakpoint', line: 2 });
    expect(d.stepOut()).toMatchObject({ status: 'paused', reason: 'step', line: 7 });
  });

  it('steps tell recursive activations apart while finished frames are reused between steps', () => {
    // frames are pooled while no step runs (core/debug/debugger.ts, `set step`): the frames
    // of f(0)… have been reused by the time the first hit pauses; the sequences are those of
    // the debugger that never reused frames (55ef292)
    const REC = 'function f(n) {\n  if (n === 0) return 0;\n  const x = f(n - 1);\n  return x + 1;\n}\nlet r = 0;\nfor (let i = 0; i < 2; i++) {\n  r += f(3) + f(2);\n}\nr';
    const run = (step: (d: Debugger) => DebugOutcome) => {
      const d = debug(REC);
      d.setBreakpoint({ line: 4 });
      const first = d.continue();
      const vm = (d as unknown as { exec: { vm: { poolFrames: boolean } } }).exec.vm;
      expect(vm.poolFrames).toBe(true);
      const out: string[] = [first.status === 'paused' ? String(first.line) : first.status];
      let o = first;
      while (o.status === 'paused') {
        o = step(d);
        out.push(o.status === 'paused' ? `${o.line}${o.reason === 'breakpoint' ? 'b' : ''}` : o.status);
      }
      expect(o).toMatchObject({ status: 'completed', value: 10 });
      return out.join(' ');
    };
    expect(run((d) => d.stepOver())).toBe('4 3 4b 3 4b 8 4b 3 4b 8 7 7 8 4b 3 4b 3 4b 8 4b 3 4b 8 7 7 10 completed');
    expect(run((d) => d.stepOut())).toBe('4 3 4b 3 4b 8 4b 3 4b 8 4b 3 4b 3 4b 8 4b 3 4b 8 completed');
  });

  it('step instruction moves one bytecode instruction and the count by one', () => {
    const d = debug(CALLS);
    const a = d.stepInstruction();
    const b = d.stepInstruction();
    expect(a.status).toBe('paused');
    expect(b.instructions).toBe(a.instructions + 1);
  });

  it('generators and finally blocks step in source order', () => {
    const src = `function* gen() {
  yield 1;
  try {
    yield 2;
  } finally {
    console.log('fin');
  }
}
let t = 0;
for (const v of gen()) {
  t += v;
}
t`;
    expect(lines(debug(src), (d) => d.stepInto())).toEqual([9, 10, 2, 11, 3, 4, 11, 6, 13, 'completed']);
  });

  it('an exception thrown in a callee lands in the catch block', () => {
    const src = `function boom() {
  throw new Error('x');
}
let r = 'none';
try {
  boom();
} catch (e) {
  r = e.message;
}
r`;
    // the catch clause binds `e` on its own line before the block runs
    expect(lines(debug(src), (d) => d.stepInto())).toEqual([4, 5, 6, 2, 7, 8, 10, 'completed']);
  });

  it('stepping over an awaited capability call continues after the host answers', () => {
    const src = `async function main() {
  const a = await lookup(1);
  const b = a + 1;
  return b;
}
main()`;
    const d = debug(src, { capabilities: [{ name: 'lookup' }] });
    d.setBreakpoint({ line: 2 });
    expect(d.continue()).toMatchObject({ status: 'paused', line: 2 });
    const s = d.stepOver();
    expect(s).toMatchObject({ status: 'suspended', calls: [{ id: 1, capability: 'lookup', args: [1] }] });
    expect(d.continue([{ id: 1, value: 41 }])).toMatchObject({ status: 'paused', reason: 'step', line: 3 });
    expect(d.callStack()[0]).toMatchObject({ name: 'main', line: 3, asyncResumed: true });
    expect(d.evaluate('a')).toMatchObject({ value: 41 });
    expect(d.stepOver()).toMatchObject({ status: 'paused', line: 4 });
    expect(d.continue()).toMatchObject({ status: 'completed', value: 42 });
  });
});

describe('breakpoints', () => {
  it('a line without code moves to the next line with code, and says so', () => {
    const d = debug(CALLS);
    const bp = d.setBreakpoint({ line: 4 });
    expect(bp).toMatchObject({ line: 5, moved: true, verified: true });
    expect(bp.message).toMatch(/moved from line 4 to line 5/);
    expect(d.setBreakpoint({ line: 99 })).toMatchObject({ verified: false });
  });

  it('stops at every hit; hit counts skip the first ones', () => {
    const d = debug(CALLS);
    const bp = d.setBreakpoint({ line: 2, hitCount: 2 });
    const o = d.continue();
    expect(o).toMatchObject({ status: 'paused', reason: 'breakpoint', breakpoints: [bp.id], line: 2 });
    expect(d.evaluate('a')).toMatchObject({ value: 0 });
    expect(d.evaluate('b')).toMatchObject({ value: 1 });
    expect(d.continue()).toMatchObject({ status: 'completed', value: 1 });
  });

  it('conditions are evaluated in the frame and cannot change the program', () => {
    const src = `const seen = [];
for (let i = 0; i < 5; i++) {
  seen.push(i);
}
seen.join()`;
    const plain = runSync(src, { seed: 1 });
    const d = debug(src);
    d.setBreakpoint({ line: 3, condition: 'seen.push(99) > 0 && i === 3' });
    expect(d.continue()).toMatchObject({ status: 'paused', reason: 'breakpoint', line: 3 });
    expect(d.evaluate('i')).toMatchObject({ value: 3 });
    const end = d.continue();
    expect(end).toMatchObject({ status: 'completed', value: plain.value });
    // the Break instructions are not counted: the same count as the plain run
    expect(end.instructions).toBe(plain.instructions);
  });

  it('logpoints log with interpolated expressions and do not stop', () => {
    const d = debug(CALLS);
    d.setBreakpoint({ line: 3, logMessage: 'sum of {a} and {b} is {s}' });
    expect(d.continue()).toMatchObject({ status: 'completed', value: 1 });
    expect(d.logs).toEqual(['sum of 0 and 0 is 0', 'sum of 0 and 1 is 1']);
  });

  it('a breakpoint that does not stop right after an answered await leaves the answers applied once', () => {
    const src = `async function total(ids) {
  let sum = 0;
  for (const id of ids) {
    const item = await lookup(id);
    sum += item.price;
  }
  return sum;
}
await total([1, 2, 3])`;
    const d = debug(src, { capabilities: [{ name: 'lookup' }] });
    d.setBreakpoint({ line: 5, condition: 'item.price > 20' });
    d.setBreakpoint({ line: 7, logMessage: 'sum {sum}' });
    let o = d.continue();
    const answered: number[] = [];
    while (o.status === 'suspended') {
      answered.push(...o.calls.map((c) => c.args[0] as number));
      o = d.continue(o.calls.map((c) => ({ id: c.id, value: { price: (c.args[0] as number) * 10 } })));
    }
    expect(answered).toEqual([1, 2, 3]);
    expect(o).toMatchObject({ status: 'paused', reason: 'breakpoint', line: 5 });
    expect(d.evaluate('item.price')).toMatchObject({ value: 30 });
    expect(d.continue()).toMatchObject({ status: 'completed', value: 60 });
    expect(d.logs).toEqual(['sum 60']);
  });

  it('column breakpoints pick the statement at or after the column', () => {
    const src = `let a = 1; let b = 2; let c = a + b;
c`;
    const d = debug(src);
    const bp = d.setBreakpoint({ line: 1, column: 12 });
    expect(bp.line).toBe(1);
    expect(d.continue()).toMatchObject({ status: 'paused', line: 1 });
    expect(d.evaluate('a')).toMatchObject({ value: 1 });
  });

  it('bytecode-offset breakpoints, run to line, and removing breakpoints', () => {
    const d = debug(CALLS);
    const add = d.exec.program.functions.find((f) => f.name === 'add')!;
    const bp = d.setInstructionBreakpoint(add.index, 0);
    expect(d.continue()).toMatchObject({ status: 'paused', reason: 'breakpoint', breakpoints: [bp.id] });
    expect(d.callStack()[0]).toMatchObject({ name: 'add', pc: 0 });
    // an operand is not an instruction
    const main = d.originalCode(d.exec.program.main);
    let pc = 0;
    while ((OPERANDS[main[pc]] ?? 0) === 0) pc++;
    expect(() => d.setInstructionBreakpoint(0, pc + 1)).toThrow(/not the start of an instruction/);
    d.removeBreakpoint(bp.id);
    expect(d.runTo(9)).toMatchObject({ status: 'paused', reason: 'step', line: 9 });
    expect(d.continue()).toMatchObject({ status: 'completed', value: 1 });
  });

  it('detach leaves the program code exactly as compiled', () => {
    const d = debug(CALLS);
    const before = d.exec.program.functions.map((f) => Array.from(f.code));
    d.setBreakpoint({ line: 2 });
    d.setBreakpoint({ line: 7 });
    expect(d.exec.program.functions.map((f) => Array.from(f.code))).not.toEqual(before);
    d.detach();
    expect(d.exec.program.functions.map((f) => Array.from(f.code))).toEqual(before);
  });
});

describe('inspection', () => {
  it('call stack, scopes, properties, operand stack and the current instruction', () => {
    const src = `const config = { name: 'x', tags: ['a', 'b'] };
function outer(n) {
  const local = { n, config };
  return inner(local);
}
function inner(obj) {
  return obj.n * 2;
}
outer(21)`;
    const d = debug(src, { inputs: { limit: 5 } });
    d.setBreakpoint({ line: 7 });
    expect(d.continue()).toMatchObject({ status: 'paused', line: 7 });
    const stack = d.callStack();
    expect(stack.map((f) => [f.name, f.line])).toEqual([
      ['inner', 7],
      ['outer', 4],
      ['<script>', 9],
    ]);
    const scopes = d.scopes(0);
    expect(scopes[0]).toMatchObject({ kind: 'local', variables: [{ name: 'obj', type: 'object' }] });
    expect(scopes.find((s) => s.kind === 'inputs')!.variables).toEqual([{ name: 'limit', type: 'number', preview: '5' }]);
    const obj = scopes[0].variables[0];
    const props = d.properties(obj.objectId!);
    expect(props.map((p) => [p.name, p.preview])).toEqual([
      ['n', '21'],
      ['config', "{ name: 'x', tags: [Array] }"],
    ]);
    const configId = props[1].objectId!;
    expect(d.properties(configId).map((p) => p.name)).toEqual(['name', 'tags']);
    const outerScopes = d.scopes(1);
    expect(outerScopes[0].variables.map((v) => v.name)).toEqual(['n', 'local']);
    expect(d.currentInstruction()).toMatch(/GetLocal/);
    expect(d.operandStack()).toEqual([]);
    d.stepInstruction();
    expect(d.operandStack().map((v) => v.preview)).toEqual(['{ n: 21, config: [Object] }']);
    expect(() => d.properties(123456789)).toThrow(/no object with id/);
  });

  it('evaluate works on copies: writes and calls cannot reach the program', () => {
    const src = `const state = { count: 1 };
function bump() { state.count++; }
bump();
state.count`;
    const d = debug(src);
    d.setBreakpoint({ line: 4 });
    d.continue();
    expect(d.evaluate('state.count = 100')).toMatchObject({ value: 100 });
    expect(d.evaluate('state.count')).toMatchObject({ value: 2 });
    expect(() => d.evaluate('bump()')).toThrow(/cannot call the program's functions/);
    expect(d.continue()).toMatchObject({ status: 'completed', value: 2 });
  });
});

describe('step back', () => {
  /** Everything the debugger can observe about the current state, as text. */
  function state(d: Debugger): string {
    const { heapGraph } = heap;
    const g = heapGraph(d.exec.vm);
    return JSON.stringify({
      at: d.position,
      stack: d.callStack().map((f) => [f.name, f.line, f.column, f.pc]),
      scopes: d.callStack().filter((f) => !f.asyncCaller).map((_, i) => d.scopes(i).map((s) => s.variables.map((v) => [v.name, v.preview]))),
      operands: d.operandStack().map((v) => v.preview),
      heap: g.nodes.map((n) => [n.kind, n.size, n.preview]).sort(),
      edges: g.edges.length,
    });
  }

  const PROGRAMS: [string, string, StartOptions['capabilities']?][] = [
    ['calls and loops', CALLS],
    [
      'objects, closures and a Map',
      `function counter() {
  let n = 0;
  return () => ++n;
}
const c = counter();
const m = new Map();
for (const w of ['a', 'b', 'a']) {
  m.set(w, (m.get(w) ?? 0) + c());
}
[...m.entries()]`,
    ],
    [
      'capability calls, sync and awaited',
      `const first = lookup(1);
async function more(ids) {
  const out = [];
  for (const id of ids) out.push(await lookup(id));
  return out;
}
const rest = await more([2, 3]);
first + rest.join('+')`,
      [{ name: 'lookup' }],
    ],
  ];

  it.each(PROGRAMS)('%s: stepping back lands on exactly the states stepping forward had', (_name, src, capabilities) => {
    const d = debug(src, { capabilities, now: () => 1000 });
    d.enableTimeTravel({ checkpointEvery: 25 });
    const forward: string[] = [state(d)];
    let o = d.stepInto();
    for (let i = 0; i < 300; i++) {
      if (o.status === 'suspended') {
        o = d.continue(o.calls.map((c) => ({ id: c.id, value: `v${c.args[0]}` })));
        continue;
      }
      if (o.status !== 'paused') break;
      // step back goes by statements: the call-site stops after a return are not its targets
      if (d.atStatementStart()) forward.push(state(d));
      o = d.stepInto();
    }
    expect(forward.length).toBeGreaterThan(6);
    // from the last paused point, step back statement by statement
    const last = JSON.parse(forward[forward.length - 1]).at as number;
    d.jumpTo(last);
    expect(state(d)).toBe(forward[forward.length - 1]);
    for (let k = forward.length - 2; k >= 0; k--) {
      d.stepBack();
      expect(state(d), `step back #${forward.length - 1 - k}`).toBe(forward[k]);
    }
  });

  it('steps back one instruction and to the previous breakpoint hit', () => {
    const d = debug(CALLS);
    d.enableTimeTravel({ checkpointEvery: 10 });
    const bp = d.setBreakpoint({ line: 3 });
    const first = d.continue();
    expect(first).toMatchObject({ status: 'paused', line: 3 });
    const firstState = state(d);
    expect(d.continue()).toMatchObject({ status: 'paused', line: 3 });
    const here = d.position;
    d.stepInstruction();
    d.stepInstruction();
    expect(d.stepBackInstruction().instructions).toBe(here + 1);
    expect(d.reverseContinue()).toMatchObject({ status: 'paused', reason: 'breakpoint', line: 3 });
    expect(d.position).toBe(here);
    expect(d.reverseContinue()).toMatchObject({ status: 'paused', reason: 'breakpoint', line: 3 });
    expect(state(d)).toBe(firstState);
    // going forward again from there gives the same end
    d.removeBreakpoint(bp.id);
    expect(d.continue()).toMatchObject({ status: 'completed', value: 1 });
  });
});

describe('exception, capability and resume stops', () => {
  const THROWS = `function parse(s) {
  if (s === 'bad') throw new TypeError('bad input');
  return s.length;
}
let n = 0;
try {
  n = parse('bad');
} catch (e) {
  n = -1;
}
n + parse('bad')`;

  it('stops at caught and uncaught throws with "all", only uncaught ones with "uncaught"', () => {
    const all = debug(THROWS);
    all.breakOnExceptions = 'all';
    const first = all.continue();
    expect(first).toMatchObject({ status: 'paused', reason: 'exception', line: 2, exception: { type: 'object' } });
    expect(first.status === 'paused' && first.exception!.preview).toMatch(/TypeError: bad input/);
    expect(all.callStack().map((f) => f.name)).toEqual(['parse', '<script>']);
    // continuing lets the throw unwind into the catch block
    expect(all.continue()).toMatchObject({ status: 'paused', reason: 'exception', line: 2 });
    expect(all.callStack()[1]).toMatchObject({ name: '<script>', line: 11 });
    expect(() => all.continue()).toThrow(/bad input/);

    const uncaught = debug(THROWS);
    uncaught.breakOnExceptions = 'uncaught';
    expect(uncaught.continue()).toMatchObject({ status: 'paused', reason: 'exception', line: 2 });
    expect(uncaught.callStack()[1]).toMatchObject({ name: '<script>', line: 11 });
  });

  it('stops right after an async capability call, by name', () => {
    const src = `async function main() {
  const p = lookup(1);
  const q = other(2);
  return (await p) + (await q);
}
main()`;
    const d = debug(src, { capabilities: [{ name: 'lookup' }, { name: 'other' }] });
    d.breakOnCapability = ['other'];
    const o = d.continue();
    expect(o).toMatchObject({ status: 'paused', reason: 'capability', call: { id: 2, capability: 'other', args: [2] } });
    expect(d.callStack().find((f) => !f.builtin)).toMatchObject({ name: 'main', line: 3 });
    const s = d.continue();
    expect(s).toMatchObject({ status: 'suspended' });
    expect(d.continue([{ id: 1, value: 40 }, { id: 2, value: 2 }])).toMatchObject({ status: 'completed', value: 42 });
  });

  it('break on resume stops after the answers are applied, before guest code runs', () => {
    const d = debug('const a = lookup(1); a * 2', { capabilities: [{ name: 'lookup' }] });
    d.breakOnResume = true;
    const s = d.continue();
    expect(s).toMatchObject({ status: 'suspended' });
    const at = d.position;
    expect(d.continue([{ id: 1, value: 21 }])).toMatchObject({ status: 'paused', reason: 'resume' });
    expect(d.position).toBe(at);
    expect(d.continue()).toMatchObject({ status: 'completed', value: 42 });
  });
});

describe('async callers', () => {
  it('a frame resumed by an await shows the async functions awaiting it', () => {
    const src = `async function inner() {
  const v = await lookup(1);
  return v + 1;
}
async function middle() {
  const r = await inner();
  return r * 2;
}
async function outer() {
  return await middle();
}
outer()`;
    const d = debug(src, { capabilities: [{ name: 'lookup' }] });
    d.setBreakpoint({ line: 3 });
    expect(d.continue()).toMatchObject({ status: 'suspended' });
    expect(d.continue([{ id: 1, value: 20 }])).toMatchObject({ status: 'paused', line: 3 });
    expect(d.callStack().map((f) => [f.name, f.line, f.asyncCaller === true])).toEqual([
      ['inner', 3, false],
      ['middle', 6, true],
      ['outer', 10, true],
    ]);
    expect(d.continue()).toMatchObject({ status: 'completed', value: 42 });
  });
});

describe('stepping corpus', () => {
  /** Step into from the start to the end; suspensions are answered with 10 and marked 'S'. */
  function intoAll(src: string): (number | string)[] {
    const d = debug(src, { capabilities: [{ name: 'fetchIt' }] });
    const seq: (number | string)[] = [];
    let o = d.stepInto();
    for (let k = 0; k < 200; k++) {
      if (o.status === 'suspended') {
        seq.push('S');
        o = d.stepInto(o.calls.map((c) => ({ id: c.id, value: 10 })));
        continue;
      }
      if (o.status !== 'paused') break;
      seq.push(o.line!);
      o = d.stepInto();
    }
    seq.push(o.status === 'completed' ? `= ${String(o.value)}` : o.status);
    return seq;
  }

  it.each([
    [
      'async function with try/finally around an awaited capability call',
      `async function load(id) {
  try {
    const v = await fetchIt(id);
    return v * 2;
  } finally {
    console.log('done', id);
  }
}
const r = await load(5);
r + 1`,
      // after the finally block the awaiting top level continues on line 10 (no stop at the await site)
      [9, 2, 3, 'S', 4, 6, 10, '= 21'],
    ],
    [
      'class with a private field, constructor and getter',
      `class Box {
  #v;
  constructor(v) {
    this.#v = v;
  }
  get double() {
    return this.#v * 2;
  }
}
const b = new Box(4);
b.double`,
      [1, 10, 2, 4, 10, 11, 7, 11, '= 8'],
    ],
    [
      'labelled loop with switch, continue and break',
      `let out = 0;
outer: for (let i = 0; i < 3; i++) {
  switch (i) {
    case 0:
      out += 1;
      break;
    case 1:
      continue outer;
    default:
      break outer;
  }
}
out`,
      [1, 2, 2, 3, 5, 6, 2, 2, 3, 8, 2, 2, 3, 10, 13, '= 1'],
    ],
  ])('%s', (_name, src, expected) => {
    expect(intoAll(src)).toEqual(expected);
  });
});

describe('block scopes', () => {
  it('shows captured block bindings as block scopes, innermost first, before the locals', () => {
    const src = `function f(n) {
  const fns = [];
  for (let i = 0; i < n; i++) {
    const sq = i * i;
    fns.push(() => sq + i);
    if (i === 1) {
      return fns.length;
    }
  }
  return 0;
}
f(3)`;
    const d = debug(src);
    d.setBreakpoint({ line: 7 });
    expect(d.continue()).toMatchObject({ status: 'paused', line: 7 });
    const scopes = d.scopes(0);
    expect(scopes.map((s) => s.kind).slice(0, 3)).toEqual(['block', 'block', 'local']);
    expect(scopes[0].variables.map((v) => [v.name, v.preview])).toEqual([['sq', '1']]);
    expect(scopes[1].variables.map((v) => [v.name, v.preview])).toEqual([['i', '1']]);
    expect(scopes[2].variables.map((v) => v.name)).toEqual(['n', 'fns']);
  });

  it('at a suspension, lists the async functions awaiting the host calls with their variables', () => {
    const exec = start(`const kept = { label: 'k' };
async function f(q) { const mine = ['held']; const r = await ask(q); return mine.length + r; }
const total = await f('a?');
total`, { capabilities: [{ name: 'ask' }] });
    expect(exec.outcome.status).toBe('suspended');
    const d = new Debugger(exec);
    const stack = d.callStack();
    expect(stack.map((f) => [f.name, f.line, f.asyncCaller])).toEqual([
      ['f', 2, true],
      ['<script>', 3, true],
    ]);
    const names = (i: number) => d.scopes(i).flatMap((s) => s.variables.map((v) => `${v.name}=${v.preview}`));
    expect(names(0)).toEqual(expect.arrayContaining(['q="a?"', "mine=[ 'held' ]"]));
    expect(names(1)).toEqual(expect.arrayContaining(["kept={ label: 'k' }"]));
    expect(() => d.scopes(2)).toThrow(/no frame 2/);
  });
});

describe('debugger statements', () => {
  const SRC = `function f(x) {
  debugger;
  return x * 2;
}
let s = 0;
for (let i = 0; i < 2; i++) s += f(i);
debugger;
s`;

  it('stop a debug session (reason debugger) only when turned on, and continue past them', () => {
    const off = debug(SRC);
    expect(off.continue()).toMatchObject({ status: 'completed', value: 2 });

    const d = debug(SRC);
    d.pauseOnDebuggerStatements = true;
    const stops = [];
    let o = d.continue();
    while (o.status === 'paused') {
      stops.push([o.reason, o.line, d.callStack()[0].name]);
      o = d.continue();
    }
    expect(stops).toEqual([
      ['debugger', 2, 'f'],
      ['debugger', 2, 'f'],
      ['debugger', 7, '<script>'],
    ]);
    expect(o).toMatchObject({ status: 'completed', value: 2 });
  });

  it('leave the code as compiled when turned off, and a breakpoint on the same line wins the reason', () => {
    const d = debug(SRC);
    const code = d.exec.program.functions.map((fn) => Array.from(fn.code));
    d.pauseOnDebuggerStatements = true;
    expect(d.exec.program.functions.some((fn, i) => fn.code.some((op, pc) => op !== code[i][pc]))).toBe(true);
    const bp = d.setBreakpoint({ line: 7 });
    expect(d.continue()).toMatchObject({ reason: 'debugger', line: 2 });
    d.pauseOnDebuggerStatements = false;
    // the user breakpoint keeps its own patch
    expect(d.continue()).toMatchObject({ status: 'paused', reason: 'breakpoint', line: 7, breakpoints: [bp.id] });
    d.removeBreakpoint(bp.id);
    expect(d.exec.program.functions.map((fn) => Array.from(fn.code))).toEqual(code);
    expect(d.continue()).toMatchObject({ status: 'completed', value: 2 });
  });

  it('stepping over a call stops at a debugger statement inside it; reverse-continue goes back to one', () => {
    const d = debug(`function f(x) {
  debugger;
  return x * 2;
}
const a = f(1);
a`);
    d.enableTimeTravel({ checkpointEvery: 10 });
    d.pauseOnDebuggerStatements = true;
    d.setBreakpoint({ line: 5 });
    expect(d.continue()).toMatchObject({ reason: 'breakpoint', line: 5 });
    expect(d.stepOver()).toMatchObject({ reason: 'debugger', line: 2 });
    const at = d.position;
    expect(d.stepOver()).toMatchObject({ reason: 'step', line: 3 });
    expect(d.reverseContinue()).toMatchObject({ reason: 'debugger', line: 2 });
    expect(d.position).toBe(at);
  });
});

describe('a breakpoint on the first statement of a called function', () => {
  it('stops a step over the call', () => {
    const d = debug(`function f(x) {
  const y = x + 1;
  return y * 2;
}
const a = f(1);
a`);
    d.setBreakpoint({ line: 5 });
    const inF = d.setBreakpoint({ line: 2 });
    expect(d.continue()).toMatchObject({ reason: 'breakpoint', line: 5 });
    expect(d.stepOver()).toMatchObject({ reason: 'breakpoint', line: 2, breakpoints: [inF.id] });
    expect(d.stepOver()).toMatchObject({ reason: 'step', line: 3 });
  });
});
