/**
 * Differential helpers for the String and RegExp tests: the same snippet runs in a fresh
 * V8 context (strict script, completion value) and in Capsule (`runSync`); results are
 * compared in the differential harness's canonical form, errors by name and message.
 *
 * Tables run batched: many snippets become functions of one program (each in its own
 * try/catch), so a realm is created once per batch instead of once per snippet. A batch
 * whose outcome differs is re-run snippet by snippet to name the failing ones; snippets
 * that cannot be batched (no final expression statement) run alone.
 */
import vm from 'node:vm';
import { parseScript } from 'meriyah';
import { expect, it } from 'vitest';
import { runSync } from '../../../core/index';
import { LimitError, ParseError, RuntimeError, ValidationError } from '../../../core/errors';
import { canonical } from '../../differential/harness';

export type Outcome = { value: string } | { error: string; message: string };

export function inV8(src: string): Outcome {
  try {
    const v = vm.runInNewContext(`"use strict";\n${src}`, {}, { timeout: 5000 });
    return { value: canonical(v) };
  } catch (e) {
    const err = e as { name?: string; message?: string };
    return { error: err?.name ?? 'Thrown', message: err?.message ?? String(e) };
  }
}

export function inCore(src: string, limits: Record<string, number> = {}): Outcome {
  try {
    const r = runSync(src, { limits: { instructions: 50_000_000, ...limits } });
    return { value: canonical(r.value) };
  } catch (e) {
    if (e instanceof RuntimeError) return { error: e.guestName, message: e.guestMessage };
    if (e instanceof ParseError) return { error: 'SyntaxError', message: e.message };
    if (e instanceof ValidationError) return { error: 'ValidationError', message: e.message };
    if (e instanceof LimitError) return { error: 'LimitError', message: `${e.limit}: ${e.message}` };
    return { error: `Host:${(e as Error)?.name}`, message: (e as Error)?.message ?? String(e) };
  }
}

/** A leading `~` on a snippet compares only the error name (not the message) when both throw. */
function split(src: string): { code: string; nameOnly: boolean } {
  return src.startsWith('~') ? { code: src.slice(1), nameOnly: true } : { code: src, nameOnly: false };
}

/** Asserts Capsule agrees with V8 on one snippet. */
export function expectSame(src: string): void {
  const { code, nameOnly } = split(src);
  const want = inV8(code);
  const got = inCore(code);
  if (nameOnly && 'error' in want && 'error' in got) {
    expect(got.error, code).toBe(want.error);
    return;
  }
  expect(got, code).toEqual(want);
}

/** The snippet as a function body returning its completion value, or null if that is not simple. */
function asFunctionBody(code: string): string | null {
  let ast;
  try {
    ast = parseScript(code, { ranges: true, next: true });
  } catch {
    return null;
  }
  const last = ast.body[ast.body.length - 1];
  if (!last || last.type !== 'ExpressionStatement') return null;
  const e = last.expression as { start?: number; end?: number };
  if (e.start === undefined || e.end === undefined) return null;
  return `${code.slice(0, e.start)}return (${code.slice(e.start, e.end)});${code.slice(e.end)}`;
}

function batchProgram(bodies: string[]): string {
  const fns = bodies.map(
    (b) => `(() => { try { return ['value', (() => {\n${b}\n})()]; } catch (e) { return e instanceof Error ? ['error', e.name, e.message] : ['thrown', e]; } })()`,
  );
  return `[\n${fns.join(',\n')}\n]`;
}

/**
 * Registers one test per chunk of `cases`; each chunk runs as one program in each engine.
 * On any difference the chunk's snippets are compared one by one (precise failures).
 */
export function batchedTable(name: string, cases: string[], chunk = 80): void {
  const single: string[] = [];
  const batchable: { src: string; body: string }[] = [];
  for (const c of cases) {
    const { code, nameOnly } = split(c);
    const body = nameOnly ? null : asFunctionBody(code);
    if (body === null) single.push(c);
    else batchable.push({ src: c, body });
  }
  for (let i = 0; i < batchable.length; i += chunk) {
    const part = batchable.slice(i, i + chunk);
    it(`${name} [${i + 1}..${i + part.length} of ${batchable.length}]`, () => {
      const program = batchProgram(part.map((p) => p.body));
      const want = inV8(program);
      const got = inCore(program);
      if (JSON.stringify(want) === JSON.stringify(got)) return;
      const failures: string[] = [];
      for (const p of part) {
        const w = inV8(p.src);
        const g = inCore(p.src);
        if (JSON.stringify(w) !== JSON.stringify(g)) failures.push(`${p.src}\n    V8:      ${JSON.stringify(w)}\n    Capsule: ${JSON.stringify(g)}`);
      }
      if (failures.length === 0) failures.push(`batch differs but every snippet agrees alone:\n    V8:      ${JSON.stringify(want).slice(0, 400)}\n    Capsule: ${JSON.stringify(got).slice(0, 400)}`);
      expect.fail(`${failures.length} snippet(s) differ from V8:\n  ${failures.join('\n  ')}`);
    });
  }
  for (const c of single) it(c, () => expectSame(c));
}

/** Quotes a host string as a guest string literal (JSON is valid JS for strings). */
export const q = (s: string): string => JSON.stringify(s);
