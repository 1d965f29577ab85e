/**
 * Regex work and big string results are budgeted: catastrophic patterns stop with a
 * deterministic LimitError('instructions'), string bombs stop before the host allocates.
 */
import { describe, expect, it, vi } from 'vitest';
import { LimitError, runSync } from '../../../core/index';

vi.setConfig({ testTimeout: 60_000 });

function limitOf(src: string, limits: Record<string, number> = {}): LimitError {
  try {
    runSync(src, { limits, seed: 1 });
  } catch (e) {
    if (e instanceof LimitError) return e;
    throw e;
  }
  throw new Error('expected a LimitError');
}

const EVIL = "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'";

describe('regex step budget', () => {
  const catastrophic = [
    `/(a+)+$/.test(${EVIL})`,
    `/(a|a)*$/.exec(${EVIL})`,
    `/(a|aa)+$/.test(${EVIL})`,
    `/^(\\w+\\s?)*$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')`,
    `${EVIL}.replace(/(a+)+$/g, 'x')`,
    `${EVIL}.split(/(a+)+$/)`,
    `${EVIL}.match(/(a*)*b/)`,
    `${EVIL}.search(/(a+)+b/)`,
    `[...${EVIL}.matchAll(/(a+)+b/g)]`,
    `${EVIL}.replace(/(a+)+b/, () => 'never called')`,
    `new RegExp('(x+x+)+y').test('x'.repeat(40))`,
    `/(?:a+)+(?<=b)/.test(${EVIL})`,
    `/(a+)+\\1$/.test(${EVIL})`,
  ];
  for (const src of catastrophic) {
    it(`stops: ${src}`, () => {
      const t = Date.now();
      const a = limitOf(src, { instructions: 2_000_000 });
      expect(a.limit).toBe('instructions');
      expect(a.message).toMatch(/limits\.instructions/);
      const b = limitOf(src, { instructions: 2_000_000 });
      expect(b.reached).toBe(a.reached);
      expect(b.message).toBe(a.message);
      expect(Date.now() - t).toBeLessThan(20_000);
    });
  }

  it('the default budget also stops it (the limit is the run budget, not a per-call one)', () => {
    const e = limitOf(`/(a+)+$/.test(${EVIL})`);
    expect(e.limit).toBe('instructions');
    expect(e.value).toBe(100_000_000);
  });

  it('steps accumulate across calls: a loop of expensive matches stops', () => {
    const t = Date.now();
    // each call alone fits the budget; together they do not
    const src = "let n = 0; for (let i = 0; i < 10000; i++) if (/(a+)+$/.test('aaaaaaaaaaaaaaa!')) n++; n";
    const e = limitOf(src, { instructions: 5_000_000 });
    expect(e.limit).toBe('instructions');
    expect(Date.now() - t).toBeLessThan(20_000);
    // and the same loop with fewer iterations completes
    expect(runSync(src.replace('10000', '3'), { limits: { instructions: 5_000_000 } }).value).toBe(0);
  });

  it('guest try/catch cannot swallow the limit', () => {
    const e = limitOf(`let r = 'none'; try { /(a+)+$/.test(${EVIL}) } catch (err) { r = 'caught' } r`, { instructions: 1_000_000 });
    expect(e.limit).toBe('instructions');
  });

  it('cheap regex work in a big loop stays within a normal budget', () => {
    const src = "let n = 0; for (let i = 0; i < 2000; i++) { if (/^item-(\\d+)$/.test('item-' + i)) n++; } n";
    expect(runSync(src, { limits: { instructions: 2_000_000 } }).value).toBe(2000);
  });

  it('regex steps count against the same budget as instructions', () => {
    // a scan that needs many steps over a long subject fails with a small budget and passes with a larger one
    const src = "const s = 'ab'.repeat(20000) + 'c'; /(?:a|b)*c/.test(s)";
    expect(limitOf(src, { instructions: 50_000 }).limit).toBe('instructions');
    expect(runSync(src, { limits: { instructions: 5_000_000 } }).value).toBe(true);
  });

  it('compiling huge patterns is charged before it runs', () => {
    const t = Date.now();
    const e = limitOf("new RegExp('x'.repeat(5e6)).test('x')");
    expect(e.limit).toBe('instructions');
    expect(e.message).toMatch(/compiling a regular expression/);
    expect(Date.now() - t).toBeLessThan(5_000);
    // a pattern compiled once per run is charged once: literals in loops stay cheap
    expect(runSync("let n = 0; for (let i = 0; i < 5000; i++) if (/^a+b?$/.test('aa')) n++; n", { limits: { instructions: 1_000_000 } }).value).toBe(5000);
  });

  it('patterns too big for the engine are a SyntaxError, never a host error', () => {
    const r = runSync("try { new RegExp('[a-z]'.repeat(200000)); 'ok' } catch (e) { e.name }", { limits: { instructions: 1e9 } }).value;
    expect(['ok', 'SyntaxError']).toContain(r);
  });

  it('invalid literals are early errors; invalid constructor patterns are catchable SyntaxErrors', () => {
    expect(() => runSync('1; /(/')).toThrow(/Invalid regular expression: \/\(\/: Unterminated group/);
    expect(runSync("try { new RegExp('a', 'gg') } catch (e) { e.name + ': ' + e.message }").value).toBe(
      "SyntaxError: Invalid flags supplied to RegExp constructor 'gg'",
    );
  });
});

describe('string size budget', () => {
  const bombs: [string, string][] = [
    ["'x'.repeat(2 ** 28)", 'heapBytes'],
    ["'abcd'.repeat(2 ** 26)", 'heapBytes'],
    ["'x'.padStart(2 ** 28)", 'heapBytes'],
    ["'x'.padEnd(2 ** 27, 'ab')", 'heapBytes'],
    ["let s = 'ab'; for (let i = 0; i < 40; i++) s = s.concat(s); s.length", 'heapBytes'],
    ["'a'.repeat(20000).replace(/a/g, '$`')", 'heapBytes'],
    ["'a'.repeat(20000).replaceAll('a', \"$'$'\")", 'heapBytes'],
    ["String.raw({ raw: 'x'.repeat(100) }, 'y'.repeat(5e6), 'z'.repeat(5e6), 'w'.repeat(5e6), 'v'.repeat(5e6))", 'heapBytes'],
  ];
  for (const [src, limit] of bombs) {
    it(`stops: ${src}`, () => {
      const before = process.memoryUsage().rss;
      const e = limitOf(src, { heapBytes: 16 * 1024 * 1024 });
      expect(e.limit).toBe(limit);
      expect(process.memoryUsage().rss - before).toBeLessThan(600 * 1024 * 1024);
    });
  }

  it('V8-sized results are a RangeError, as in V8', () => {
    expect(runSync("try { 'ab'.repeat(2 ** 29) } catch (e) { e.name + ': ' + e.message }").value).toBe('RangeError: Invalid string length');
    expect(runSync("try { 'x'.padEnd(2 ** 30) } catch (e) { e.name + ': ' + e.message }").value).toBe('RangeError: Invalid string length');
    expect(runSync("try { 'x'.repeat(-1) } catch (e) { e.name + ': ' + e.message }").value).toBe('RangeError: Invalid count value: -1');
    expect(runSync("try { ''.repeat(Infinity) } catch (e) { e.name + ': ' + e.message }").value).toBe('RangeError: Invalid count value: Infinity');
  });

  it('big but allowed results work', () => {
    expect(runSync("'ab'.repeat(100000).length").value).toBe(200000);
    expect(runSync("'a,'.repeat(50000).split(',').length").value).toBe(50001);
    expect(runSync("'a'.repeat(100000).replace(/a/g, 'bb').length").value).toBe(200000);
  });
});
