/** parseProgram: the module goal (strict, top-level await), node locations, and syntax errors. */
import { describe, expect, it } from 'vitest';
import { parseModule } from 'meriyah';
import { ParseError } from '../../../core/errors';
import { parseProgram, positionAt, spanAt, spanOf } from '../../../core/parse';
import { checkSource } from '../../../core/validator';
import { parseFailure } from './helpers';

describe('parseProgram', () => {
  it('parses with offsets; spans come from the offsets and the source', () => {
    const source = 'const a = 1;\nlet b = a;';
    const program = parseProgram(source);
    expect(program.type).toBe('Program');
    const second = program.body[1]!;
    expect([second.start, second.end]).toEqual([13, 23]);
    // no range arrays or loc objects (they cost a third of the parse time)
    expect([second.range, second.loc]).toEqual([undefined, undefined]);
    expect(spanOf(second, source)).toEqual({ start: 13, end: 23, line: 2, column: 1, endLine: 2, endColumn: 11 });
  });

  it('allows top-level await and for await', () => {
    expect(() => parseProgram('await 1;\nfor await (const x of []) {}')).not.toThrow();
  });

  it('is always strict', () => {
    expect(parseFailure('x = 010;').message).toBe('Octal literals are not allowed in strict mode.');
  });

  it('keeps regex literals as pattern and flags without asking the host engine', () => {
    const program = parseProgram('/(?<a>x)\\k<a>/dgimsuy;');
    const statement = program.body[0]!;
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'Literal' || !('regex' in statement.expression)) {
      throw new Error('expected a regex literal');
    }
    expect(statement.expression.regex).toEqual({ pattern: '(?<a>x)\\k<a>', flags: 'dgimsuy' });
  });

  it('does not check regex pattern syntax (the regex engine does)', () => {
    expect(() => parseProgram('/(/;')).not.toThrow();
  });

  it('throws ParseError with a CAP0001 diagnostic', () => {
    let caught: unknown;
    try {
      parseProgram('let = ;');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ParseError);
    const error = caught as ParseError;
    expect(error.kind).toBe('Parse');
    expect(error.message).toBe(error.diagnostic.message);
    expect(error.diagnostic).toEqual({
      code: 'CAP0001',
      message: 'Unexpected strict mode reserved word',
      severity: 'error',
      span: { start: 0, end: 3, line: 1, column: 1, endLine: 1, endColumn: 4 },
    });
  });

  it('turns host stack overflow on absurd nesting into a ParseError', () => {
    const source = `x = ${'('.repeat(20000)}1${')'.repeat(20000)};`;
    expect(parseFailure(source)).toEqual({ code: 'CAP0001', message: 'Program is nested too deeply', at: [1, 1, 1, 1] });
  });

  it('checkSource throws the ParseError rather than returning it', () => {
    expect(() => checkSource('if (')).toThrow(ParseError);
  });
});

describe('spans', () => {
  it('count lines across \\n, \\r\\n, \\r, U+2028 and U+2029', () => {
    const source = 'a\nb\r\nc\rd\u2028e\u2029f';
    expect(positionAt(source, source.indexOf('f'))).toEqual({ line: 6, column: 1 });
    expect(positionAt(source, source.indexOf('c'))).toEqual({ line: 3, column: 1 });
  });

  it('use UTF-16 columns, like V8', () => {
    expect(spanAt('"😀"; x', 6, 7)).toEqual({ start: 6, end: 7, line: 1, column: 7, endLine: 1, endColumn: 8 });
  });

  it('agree with meriyah locations', () => {
    const source = 'a;\u2028b;\r\nc;\rd;';
    // parseProgram keeps no loc objects: compare offsets-based spans with meriyah's own
    for (const statement of parseModule(source, { loc: true, ranges: true }).body) {
      expect(spanOf(statement)).toEqual(spanAt(source, statement.start!, statement.end!));
      expect(spanOf({ ...statement, loc: undefined } as typeof statement, source)).toEqual(spanOf(statement));
    }
  });
});

/** [title, source, V8-style message, [line, column, endLine, endColumn]] */
const syntaxErrors: Array<[string, string, string, [number, number, number, number]]> = [
  ["unexpected end of input", "const x = (1 + 2", "Unexpected end of input", [1, 17, 1, 17]],
  ["unexpected end of input after a comment", "let a = 1 +\n// comment\n", "Unexpected end of input", [3, 1, 3, 1]],
  ["unexpected identifier", "const x = a b;", "Unexpected identifier 'b'", [1, 13, 1, 14]],
  ["unexpected token", "let x = ;", "Unexpected token ';'", [1, 9, 1, 10]],
  ["unexpected number", "x = 1 2;", "Unexpected number", [1, 7, 1, 8]],
  ["unexpected string", "x = 'a' 'b';", "Unexpected string", [1, 9, 1, 12]],
  ["unexpected keyword", "x = y if;", "Unexpected token 'if'", [1, 7, 1, 9]],
  ["missing ) after argument list", "f(a b);", "missing ) after argument list", [1, 5, 1, 6]],
  ["missing ) at the end of input", "console.log(1", "missing ) after argument list", [1, 14, 1, 14]],
  ["invalid or unexpected token (unterminated string)", "const s = 'abc\nconst t = 1;", "Invalid or unexpected token", [1, 11, 1, 15]],
  ["invalid or unexpected token (stray character)", "x = 1 @ 2;", "Invalid or unexpected token", [1, 7, 1, 8]],
  ["unterminated comment", "x = 1; /* never closed", "Invalid or unexpected token", [1, 8, 1, 23]],
  ["unterminated template", "x = `abc", "Unexpected end of input", [1, 9, 1, 9]],
  ["unterminated regex", "x = /abc", "Invalid regular expression: missing /", [1, 5, 1, 9]],
  ["invalid regex flags", "x = /a/gg;", "Invalid regular expression flags", [1, 5, 1, 9]],
  ["redeclaration", "let x = 1;\nlet x = 2;", "Identifier 'x' has already been declared", [2, 5, 2, 6]],
  ["let/var clash", "var y;\nlet y;", "Identifier 'y' has already been declared", [2, 5, 2, 6]],
  ["duplicate parameter", "function f(a, a) {}", "Identifier 'a' has already been declared", [1, 15, 1, 16]],
  ["missing const initializer", "const c;", "Missing initializer in const declaration", [1, 7, 1, 8]],
  ["with statement (strict mode)", "with (Math) { max(1, 2); }", "Strict mode code may not include a with statement", [1, 1, 1, 5]],
  ["legacy octal literal", "x = 010;", "Octal literals are not allowed in strict mode.", [1, 5, 1, 8]],
  ["leading-zero decimal", "x = 08;", "Decimals with leading zeros are not allowed in strict mode.", [1, 5, 1, 7]],
  ["legacy octal escape", "x = '\\07';", "Octal escape sequences are not allowed in strict mode.", [1, 5, 1, 7]],
  ["\\8 escape", "x = '\\8';", "\\8 and \\9 are not allowed in strict mode.", [1, 5, 1, 7]],
  ["delete of an identifier", "let v;\ndelete v;", "Delete of an unqualified identifier in strict mode.", [2, 8, 2, 9]],
  ["labelled function declaration", "l: function f() {}", "In strict mode code, functions can only be declared at top level or inside a block.", [1, 4, 1, 12]],
  ["function declaration in if", "if (1) function f() {}", "In strict mode code, functions can only be declared at top level or inside a block.", [1, 8, 1, 16]],
  ["await as an identifier", "const await = 1;", "Unexpected reserved word", [1, 7, 1, 12]],
  ["await in a non-async function", "function f() { await 1; }", "await is only valid in async functions and the top level bodies of modules", [1, 16, 1, 21]],
  ["yield as an identifier", "let yield = 1;", "Unexpected strict mode reserved word", [1, 5, 1, 10]],
  ["eval as a binding", "let eval = 1;", "Unexpected eval or arguments in strict mode", [1, 5, 1, 9]],
  ["arguments as a binding", "function f(arguments) {}", "Unexpected eval or arguments in strict mode", [1, 12, 1, 21]],
  ["strict reserved word", "let implements = 1;", "Unexpected strict mode reserved word", [1, 5, 1, 15]],
  ["top-level return", "return 1;", "Illegal return statement", [1, 1, 1, 7]],
  ["illegal break", "break;", "Illegal break statement", [1, 1, 1, 6]],
  ["illegal continue", "continue;", "Illegal continue statement: no surrounding iteration statement", [1, 1, 1, 9]],
  ["undefined label", "for (;;) break missing;", "Undefined label 'missing'", [1, 16, 1, 23]],
  ["undeclared private name", "class A { m(o) { return o.#x; } }", "Private field '#x' must be declared in an enclosing class", [1, 27, 1, 29]],
  ["duplicate private name", "class A { #x; #x; }", "Identifier '#x' has already been declared", [1, 15, 1, 17]],
  ["super outside a method", "super.x;", "'super' keyword unexpected here", [1, 1, 1, 6]],
  ["new.target at top level", "new.target;", "new.target expression is not allowed here", [1, 5, 1, 11]],
  ["html comment", "x = 1;\n<!-- old school -->", "Unexpected token '<'", [2, 1, 2, 2]],
  ["html close comment", "x = 1;\n--> old school", "HTML-like comments are not allowed; use // or /* */ comments", [2, 1, 2, 3]],
  ["decorator", "@dec class A {}", "Invalid or unexpected token", [1, 1, 1, 2]],
  ["JSX", "const a = <div/>;", "Unexpected token '<'", [1, 11, 1, 12]],
  ["accessor field", "class A { accessor x = 1; }", "Unexpected identifier 'x'", [1, 20, 1, 21]],
  ["unary before **", "x = -2 ** 2;", "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence", [1, 8, 1, 10]],
  ["mixing ?? with ||", "x = a ?? b || c;", "Unexpected token '||'", [1, 12, 1, 14]],
  ["getter with a parameter", "const o = { get x(v) { return v; } };", "Getter must not have any formal parameters.", [1, 19, 1, 20]],
  ["duplicate __proto__", "const o = { __proto__: null, __proto__: null };", "Duplicate __proto__ fields are not allowed in object literals", [1, 30, 1, 39]],
  ["position on a later line, after a CRLF", "const a = 1;\r\nconst b = ;", "Unexpected token ';'", [2, 11, 2, 12]],
];

describe('syntax errors (CAP0001, V8 wording)', () => {
  it.each(syntaxErrors)('%s', (_title, source, message, at) => {
    expect(parseFailure(source)).toEqual({ code: 'CAP0001', message, at });
  });
});
