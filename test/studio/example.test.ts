import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseModule } from 'meriyah';
import { describe, expect, it } from 'vitest';

// Guest programs use the module goal (strict, top-level await), as core/parse.ts documents.
const source = readFileSync(resolve(import.meta.dirname, '../../examples/incident-triage.js'), 'utf8');

describe('examples/incident-triage.js', () => {
  const program = parseModule(source, { lexical: true, validateRegex: false });

  it('is a valid program whose last statement is the result expression', () => {
    expect(program.body.at(-1)?.type).toBe('ExpressionStatement');
    expect(program.body.some((node) => node.type === 'ImportDeclaration' || node.type.startsWith('Export'))).toBe(false);
  });

  it('calls capabilities and fans out with await Promise.all', () => {
    for (const capability of ['searchLogs', 'queryMetrics', 'listDeploys', 'lookupOwner']) {
      expect(source).toContain(`${capability}({`);
    }
    expect(source.match(/await Promise\.all\(/g)?.length).toBe(2);
  });
});
