/** program.validate: the editor's live diagnostics, through the same handler the bridge calls. */
import { describe, expect, it } from 'vitest';
import { createServices } from '../../main/services';
import type { ProgramDiagnostic } from '../../preload/api';

const services = createServices({ mode: 'browser' });

async function validate(params: unknown): Promise<ProgramDiagnostic[]> {
  const reply = await services.handle('program.validate', params);
  if (!reply.ok) throw new Error(reply.error.message);
  return (reply.result as { diagnostics: ProgramDiagnostic[] }).diagnostics;
}

describe('program.validate', () => {
  it('finds nothing in a clean script that uses its declared capabilities', async () => {
    expect(await validate({ source: 'const r = await lookup(1);\nr.n + 1', globals: ['lookup'] })).toEqual([]);
  });

  it('reports an unknown global with its code, message and exact place (offsets, 1-based line and column)', async () => {
    const source = 'const a = 1;\nconst b = lookup(a);';
    const [d, ...rest] = await validate({ source });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', line: 2, column: 11 });
    expect(source.slice(d!.from, d!.to)).toBe('lookup');
    expect(d!.message).toMatch(/lookup/);
    expect(d!.code).toMatch(/^CAP\d+$/);
  });

  it('reports rejected features (eval, process) as the CLI does', async () => {
    const found = await validate({ source: 'eval("1");\nprocess.exit(1);' });
    expect(found.map((d) => d.line)).toEqual([1, 2]);
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });

  it('turns a syntax error into one diagnostic at the place of the error', async () => {
    const [d, ...rest] = await validate({ source: 'const x = ;' });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', line: 1 });
    expect(d!.column).toBeGreaterThan(1);
  });

  it.each([[undefined], [null], [{}], [{ source: 1 }], [{ source: '', globals: 'x' }], [{ source: '', globals: [1] }]])(
    'refuses malformed params %j with a readable message',
    async (params) => {
      const reply = await services.handle('program.validate', params);
      expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^program\.validate/) } });
    },
  );

  it('refuses a source over the size limit without parsing it', async () => {
    const reply = await services.handle('program.validate', { source: 'x'.repeat(2_000_001) });
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('too large') } });
  });
});
