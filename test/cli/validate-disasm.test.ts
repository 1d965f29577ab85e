// capsule validate (exact file:line:col lines, exit 0/4) and capsule disasm (opcodes and spans).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capsule, ensureBundle, workspace } from './helpers';

const files = {
  'clean.js': 'const xs = [1, 2, 3];\nlet total = 0;\nfor (const x of xs) total += x;\ntotal\n',
  'invalid.js': 'const a = 1;\neval("a")\n\n    with_unknown_global\n',
  'parse.js': 'let ok = 1;\nlet x = ;\n',
  'add.js': 'let x = 1;\nfunction add(a, b) { return a + b }\nconsole.log(add(x, 2))\n',
  'sub/nested.js': 'foo()\n',
};

let dir = '';
let cleanup = () => {};
beforeAll(() => {
  ensureBundle();
  ({ dir, cleanup } = workspace(files));
});
afterAll(() => cleanup());

describe('capsule validate', () => {
  it('a clean file: no output, exit 0', () => {
    expect(capsule(['validate', 'clean.js'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('prints file:line:col: error CODE: message per diagnostic, exit 4', () => {
    const r = capsule(['validate', 'invalid.js'], dir);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^invalid\.js:2:1: error CAP1001: 'eval' is not supported/);
    expect(lines[1]).toMatch(/^invalid\.js:4:5: error CAP1013: Unknown global 'with_unknown_global'/);
  });

  it('parse errors are diagnostics too', () => {
    const r = capsule(['validate', 'parse.js'], dir);
    expect(r).toEqual({ code: 4, stdout: "parse.js:2:9: error CAP0001: Unexpected token ';'\n", stderr: '' });
  });

  it('several files, in argument order, named as given', () => {
    const r = capsule(['validate', 'clean.js', 'sub/nested.js', 'parse.js'], dir);
    expect(r.code).toBe(4);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(': ')[0])).toEqual(['sub/nested.js:1:1', 'parse.js:2:9']);
  });

  it('all clean: exit 0', () => {
    expect(capsule(['validate', 'clean.js', 'add.js'], dir).code).toBe(0);
  });

  it('a missing file is a usage error before any output', () => {
    const r = capsule(['validate', 'invalid.js', 'missing.js'], dir);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "capsule validate: cannot read 'missing.js': no such file\n" });
  });
});

describe('capsule disasm', () => {
  it('lists every function with opcode names and line:col spans with source excerpts', () => {
    const r = capsule(['disasm', 'add.js'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^function <anonymous> #0 /);
    expect(r.stdout).toMatch(/^function add #1 \(params 2/m);
    for (const op of ['GetLocal', 'Add', 'Call', 'Return', 'Closure', 'GetGlobal']) expect(r.stdout).toContain(op);
    // pc, opcode, operands, then "; line:col-line:col  excerpt"
    expect(r.stdout).toMatch(/^\s+\d+\s+Add\s+; 2:29-2:34 {2}a \+ b$/m);
    expect(r.stdout).toMatch(/GetGlobal\s+\d+\s+\("console"\)\s+; 3:1-3:8 {2}console$/m);
  });

  it('an invalid program: diagnostics on stderr, exit 4', () => {
    const r = capsule(['disasm', 'parse.js'], dir);
    expect(r).toEqual({ code: 4, stdout: '', stderr: "parse.js:2:9: error CAP0001: Unexpected token ';'\n" });
  });
});
