/**
 * ASTs parseProgram never produces (sloppy mode, JSX, decorators, unknown node types): the
 * validator must still fail closed on them, with a code, a message and the node's span.
 */
import { parseModule, parseScript } from 'meriyah';
import { describe, expect, it } from 'vitest';
import type { ESTree } from '../../../core/parse';
import { diagnoseAst } from './helpers';

const located = { loc: true, ranges: true };

describe('fail closed on foreign ASTs', () => {
  it('rejects a with statement (CAP1003)', () => {
    const source = 'const o = { a: 1 };\nwith (o) {\n  a;\n}';
    expect(diagnoseAst(parseScript(source, located), source)).toEqual([
      {
        code: 'CAP1003',
        message: "The 'with' statement is not supported. Refer to the object's properties explicitly (obj.prop), or destructure them into local variables.",
        at: [2, 1, 4, 2],
      },
      {
        code: 'CAP1013',
        message: "Unknown global 'a'. Declare it with let, const or function, or have the host provide it as an input or capability.",
        at: [3, 3, 3, 4],
      },
    ]);
  });

  it('rejects a labelled function declaration (CAP1033)', () => {
    const source = 'outer: function f() {}';
    expect(diagnoseAst(parseScript(source, { ...located, webcompat: true }), source)).toEqual([
      {
        code: 'CAP1033',
        message: 'A labelled function declaration is not supported. Remove the label, or label a block or loop instead.',
        at: [1, 1, 1, 23],
      },
    ]);
  });

  it('rejects JSX (CAP1090)', () => {
    const source = 'const el = <div>{1}</div>;';
    expect(diagnoseAst(parseModule(source, { ...located, jsx: true }), source)).toEqual([
      { code: 'CAP1090', message: 'JSX is not supported in Capsule. Build strings or plain objects instead.', at: [1, 12, 1, 26] },
    ]);
  });

  it('rejects decorators on classes, methods and fields (CAP1090)', () => {
    const source = 'function dec() {}\n@dec class A {\n  @dec m() {}\n  @dec x = 1;\n}';
    const message = 'Decorators are not supported in Capsule. Call the decorating function explicitly instead, e.g. const C = decorate(class { ... }).';
    expect(diagnoseAst(parseModule(source, { ...located, next: true }), source)).toEqual([
      { code: 'CAP1090', message, at: [2, 1, 2, 5] },
      { code: 'CAP1090', message, at: [3, 3, 3, 7] },
      { code: 'CAP1090', message, at: [4, 3, 4, 7] },
    ]);
  });

  it("rejects 'accessor' fields (CAP1090)", () => {
    const source = 'class A {\n  accessor x = 1;\n}';
    expect(diagnoseAst(parseModule(source, { ...located, next: true }), source)).toEqual([
      { code: 'CAP1090', message: "'accessor' fields are not supported in Capsule. Use a private field with a get/set pair instead.", at: [2, 3, 2, 18] },
    ]);
  });

  it('rejects unknown node types, computing the span from offsets when loc is missing', () => {
    const source = 'x;\nmystery';
    const program = {
      type: 'Program',
      sourceType: 'module',
      body: [{ type: 'MysteryStatement', start: 3, end: 10 }],
      start: 0,
      end: source.length,
    } as unknown as ESTree.Program;
    expect(diagnoseAst(program, source)).toEqual([
      { code: 'CAP1090', message: "The syntax 'MysteryStatement' is not supported in Capsule.", at: [2, 1, 2, 8] },
    ]);
  });

  it('rejects unknown node types nested inside supported ones', () => {
    const source = 'f(?)';
    const program = {
      type: 'Program',
      sourceType: 'module',
      body: [
        {
          type: 'ExpressionStatement',
          expression: {
            type: 'CallExpression',
            callee: { type: 'Identifier', name: 'parseInt', start: 0, end: 1 },
            arguments: [{ type: 'Hole', start: 2, end: 3 }],
            optional: false,
          },
        },
      ],
    } as unknown as ESTree.Program;
    expect(diagnoseAst(program, source)).toEqual([{ code: 'CAP1090', message: "The syntax 'Hole' is not supported in Capsule.", at: [1, 3, 1, 4] }]);
  });

  it('rejects a nested Program node', () => {
    const source = 'x';
    const program = { type: 'Program', sourceType: 'module', body: [{ type: 'Program', body: [], start: 0, end: 1 }] } as unknown as ESTree.Program;
    expect(diagnoseAst(program, source)).toEqual([{ code: 'CAP1090', message: 'A nested Program node is not supported in Capsule.', at: [1, 1, 1, 2] }]);
  });
});
