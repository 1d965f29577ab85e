/**
 * Bytecode listings through the bridge's services: `program.disassemble` (no session: the
 * Bytecode panel before a run) and the `disassemble` debug command in the sidecar (the
 * paused program's code as compiled, breakpoints marked).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../main/services';
import type { BytecodeFunction, SessionView } from '../../preload/api';
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
await total([1, 2])`;

const MOCKS = { capabilities: { lookup: { script: '({ price: args[0] * 10 })' } } };

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

describe('program.disassemble', () => {
  it('lists every function of a script, with the mocks’ capabilities as globals', async () => {
    const fns = await call<BytecodeFunction[]>('program.disassemble', { source: SRC, mocks: MOCKS });
    expect(fns.map((f) => [f.index, f.name, f.kind, f.line, f.endLine])).toEqual([
      [0, '<script>', 'script', 1, 9],
      [1, 'total', 'async', 1, 8],
    ]);
    const lookup = fns[1].instructions.find((x) => x.opcode === 'GetGlobal' && x.operandText.includes('"lookup"'));
    expect(lookup?.span).toMatchObject({ line: 4, column: 24, endLine: 4, endColumn: 30 });
    expect(SRC.slice(lookup!.span!.start, lookup!.span!.end)).toBe('lookup');
  });

  it('says readably why a script cannot be listed', async () => {
    // without the mocks, lookup is an unknown global
    await expect(call('program.disassemble', { source: SRC })).rejects.toThrow(/^The script has problems: 4:\d+ .*lookup/);
    await expect(call('program.disassemble', { source: 'let = ;' })).rejects.toThrow(/^The script does not parse: 1:\d+/);
    await expect(call('program.disassemble', { source: 3 })).rejects.toThrow('source must be a string');
    await expect(call('program.disassemble', { source: '1', mocks: [] })).rejects.toThrow(/mocks must be a mocks file/);
  });
});

describe('the disassemble debug command', () => {
  it('lists the paused function as compiled, with its breakpoints, and agrees with program.disassemble', async () => {
    const start = await call<SessionView>('session.start', { source: SRC, mocks: MOCKS, debug: true });
    const dbg = (command: string, args: Record<string, unknown> = {}) => call<{ view: SessionView; result: any }>('session.debug', { id: start.id, command, args });
    const bp = (await dbg('setBreakpoint', { line: 5 })).result as { line: number };
    expect(bp.line).toBe(5);
    expect((await dbg('continue')).view.status).toBe('paused');
    const top = ((await dbg('stackTrace')).result as { functionIndex: number; pc: number; builtin: boolean }[]).find((f) => !f.builtin)!;
    const [fn] = (await dbg('disassemble', { functionIndex: top.functionIndex })).result as BytecodeFunction[];
    expect(fn.name).toBe('total');
    const here = fn.instructions.find((x) => x.pc === top.pc);
    expect(here).toMatchObject({ statement: true, span: { line: 5 } });
    expect(fn.breakpoints).toEqual([top.pc]);
    expect(fn.instructions.some((x) => x.opcode === 'Break')).toBe(false);
    // all functions; the same instructions as a listing without a session
    const all = (await dbg('disassemble')).result as BytecodeFunction[];
    const plain = await call<BytecodeFunction[]>('program.disassemble', { source: SRC, mocks: MOCKS });
    expect(all.map(({ breakpoints: _b, ...f }) => f)).toEqual(plain);
    await expect(dbg('disassemble', { functionIndex: 7 })).rejects.toThrow(/no function #7/);
    await expect(dbg('disassemble', { functionIndex: 'x' })).rejects.toThrow(/functionIndex must be a number/);
    await call('session.close', { id: start.id });
  });
});
