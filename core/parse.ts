/**
 * Parser front end: source text → ESTree (via meriyah), with syntax errors reported as
 * {@link ParseError}s carrying a V8-style message and a 1-based span.
 *
 * Guest programs are parsed with the *module* goal: it is always strict and it allows
 * top-level `await` (meriyah has no script-with-TLA option). Module-only syntax (`import`,
 * `export`, `import.meta`) is then rejected by the validator, so a guest program is
 * effectively "a strict script whose top level is an async function body".
 * A consequence of the module goal: `await` is a reserved word everywhere.
 */
import { isParseError, parse, type ESTree, type Options } from 'meriyah';
import type { Diagnostic, Span } from './diagnostics';
import { ParseError } from './errors';
import { Code } from './validator/codes';

export type { ESTree } from 'meriyah';

/**
 * meriyah options for guest programs.
 * - `sourceType: 'module'`: the module goal. Passed to `parse` here rather than through
 *   `parseModule`, which copies the options object once more on every call.
 * - `ranges: { start, end }`: nodes carry `start`/`end` offsets only — no `range` arrays
 *   and no `loc` objects (three more objects per node, about a third of the parse time):
 *   {@link spanOf} computes lines and columns from the offsets when a diagnostic needs them,
 *   and the compiler's span table does the same.
 * - `lexical`: report early errors (duplicate declarations, undeclared `#private` names).
 * - `validateRegex: false`: regex syntax is checked by Capsule's own engine, never the host's.
 *   NB: `RegExpLiteral.value` may still hold a host RegExp (or null); use `regex.pattern`/`regex.flags`.
 * - no `raw`: nothing reads `Literal.raw` (template elements keep `value.raw` regardless).
 * - `next` and `webcompat` stay off (their default): `next` only adds decorators and import
 *   phases, which we do not support. Options left at their defaults are omitted: meriyah
 *   copies the options object (object rest/spread) on every call, and each key costs.
 */
const PARSE_OPTIONS: Options = {
  sourceType: 'module',
  ranges: { start: true, end: true },
  lexical: true,
  validateRegex: false,
};

/**
 * Parses a guest program. Every node carries `start`/`end` (UTF-16 offsets); use
 * {@link spanOf} with the source to get a {@link Span} (lines and columns).
 * @throws ParseError with code `CAP0001` if the source is not valid strict-mode JavaScript.
 */
export function parseProgram(source: string): ESTree.Program {
  let program: ESTree.Program;
  try {
    program = parse(source, PARSE_OPTIONS);
  } catch (error) {
    if (isParseError(error)) throw new ParseError(translateSyntaxError(source, error));
    if (error instanceof RangeError) {
      // meriyah is recursive descent: absurd nesting overflows the host stack.
      throw new ParseError({
        code: Code.Syntax,
        message: 'Program is nested too deeply',
        severity: 'error',
        span: spanAt(source, 0, 0),
      });
    }
    throw error;
  }
  restrictedGlobalDeclaration(source, program);
  return program;
}

/** The identifiers a binding pattern declares (`a`, `{ b: [c = 1, ...d] }`), appended to `out`. */
export function patternIdentifiers(p: ESTree.Node | null | undefined, out: ESTree.Identifier[]): ESTree.Identifier[] {
  if (!p) return out;
  if (p.type === 'Identifier') out.push(p);
  else if (p.type === 'ObjectPattern') for (const q of p.properties) patternIdentifiers(q.type === 'RestElement' ? q.argument : q.value, out);
  else if (p.type === 'ArrayPattern') for (const q of p.elements) patternIdentifiers(q, out);
  else if (p.type === 'AssignmentPattern') patternIdentifiers(p.left, out);
  else if (p.type === 'RestElement') patternIdentifiers(p.argument, out);
  return out;
}

/** Globals a script cannot redeclare with let/const/class (non-configurable on the global object). */
const RESTRICTED_GLOBALS = new Set(['undefined', 'NaN', 'Infinity']);

/**
 * A top-level `let undefined` is an early error of a V8 script (GlobalDeclarationInstantiation),
 * though legal in a module, which is how meriyah parses: report it as V8 does.
 */
function restrictedGlobalDeclaration(source: string, program: ESTree.Program): void {
  const names: ESTree.Identifier[] = [];
  for (const st of program.body) {
    if (st.type === 'VariableDeclaration' && st.kind !== 'var') for (const d of st.declarations) patternIdentifiers(d.id, names);
    else if (st.type === 'ClassDeclaration' && st.id) names.push(st.id);
  }
  const bad = names.find((n) => RESTRICTED_GLOBALS.has(n.name));
  if (bad) {
    throw new ParseError({ code: Code.Syntax, message: `Identifier '${bad.name}' has already been declared`, severity: 'error', span: spanAt(source, bad.start ?? 0, bad.end ?? 0) });
  }
}

// ---------------------------------------------------------------------------------------
// Spans

let tableSource: string | null = null;
let tableStarts: number[] = [0];

/** Offsets where lines start (line terminators as in ECMAScript; CRLF is one), cached for the last source. */
function lineStarts(source: string): number[] {
  if (source === tableSource) return tableStarts;
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0a || c === 0x2028 || c === 0x2029 || (c === 0x0d && source.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  tableSource = source;
  tableStarts = starts;
  return starts;
}

/** The 1-based line and column of a UTF-16 offset (line terminators as in ECMAScript). */
export function positionAt(source: string, offset: number): { line: number; column: number } {
  const end = Math.min(Math.max(offset, 0), source.length);
  const starts = lineStarts(source);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= end) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: end - starts[lo] + 1 };
}

/** The span of the source range `[start, end)`. `endColumn` is exclusive (1-based). */
export function spanAt(source: string, start: number, end: number): Span {
  const s = positionAt(source, start);
  const e = positionAt(source, end);
  return { start, end, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/**
 * The span of an AST node. Uses the node's `loc` when present (foreign trees parsed with
 * locations); otherwise its offsets and `source` (trees from {@link parseProgram}).
 */
export function spanOf(node: ESTree.Node, source?: string): Span {
  const start = node.start ?? node.range?.[0] ?? 0;
  const end = node.end ?? node.range?.[1] ?? start;
  if (node.loc) {
    return {
      start,
      end,
      line: node.loc.start.line,
      column: node.loc.start.column + 1,
      endLine: node.loc.end.line,
      endColumn: node.loc.end.column + 1,
    };
  }
  return source === undefined ? { start, end, line: 1, column: 1, endLine: 1, endColumn: 1 } : spanAt(source, start, end);
}

// ---------------------------------------------------------------------------------------
// V8-style syntax error messages

type MeriyahError = { description: string; start: number; end: number };

/** meriyah's many ways of saying "`let` is reserved in strict mode". */
const LET_MISUSE = /^(`let` declaration not allowed here|Can not use `let` as variable name|Let is disallowed as a lexically bound name|Identifier "let" disallowed|The identifier 'let' must not be|Cannot have `let\[\.\.\.\]`)/;

/**
 * meriyah messages that V8 words differently (`$1` refers to the pattern's first group).
 * Messages about "the token that did not fit" are rebuilt from the offending token instead
 * (see {@link unexpectedTokenMessage}).
 */
const REWORDED: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(Unterminated string literal|Multiline comment was not closed properly|Invalid line break in string literal)$/, 'Invalid or unexpected token'],
  [/^(Illegal character|No identifiers allowed directly after numeric literal|Missing hexadecimal digits|Invalid BigIntLiteral|Expected number in radix|Non-number found after exponent indicator|Invalid implicit octal)/, 'Invalid or unexpected token'],
  [/^Unterminated regular expression$/, 'Invalid regular expression: missing /'],
  [/^(Unexpected regular expression flag|Duplicate regular expression flag)/, 'Invalid regular expression flags'],
  [/^Duplicate binding '(.*)'$/, "Identifier '$1' has already been declared"],
  [/^Duplicate private identifier #(.*)$/, "Identifier '#$1' has already been declared"],
  [/^Escapes \\8 or \\9 are/, '\\8 and \\9 are not allowed in strict mode.'],
  [/^Await is only valid in async functions$/, 'await is only valid in async functions and the top level bodies of modules'],
  [/^Private identifier #(.*) is not defined$/, "Private field '#$1' must be declared in an enclosing class"],
  [/^(Can not use `await` as identifier|cannot use "await" as identifier)/, 'Unexpected reserved word'],
  [/^'yield' may not be used as an identifier/, 'Unexpected strict mode reserved word'],
  [LET_MISUSE, 'Unexpected strict mode reserved word'],
  [/^Duplicate constructor method in class$/, 'A class may only have one constructor'],
  [/^(Calls to super must be|Member access on super must be)/, "'super' keyword unexpected here"],
  [/^new\.target only allowed/, 'new.target expression is not allowed here'],
  [/^Illegal continue statement$/, 'Illegal continue statement: no surrounding iteration statement'],
  [/^Unary expressions as the left operand/, 'Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence'],
  [/^Function declaration must have a name/, 'Function statements require a function name'],
  [/^Cannot assign to `eval` and `arguments`/, 'Unexpected eval or arguments in strict mode'],
  [/^(In strict mode code, functions can only be declared at top level or inside a block)$/, '$1.'],
  [/^Calling delete on expression not allowed in strict mode$/, 'Delete of an unqualified identifier in strict mode.'],
  [/^Getter functions must have exactly/, 'Getter must not have any formal parameters.'],
  [/^Setter functions must have exactly/, 'Setter must have exactly one formal parameter.'],
  [/^Unicode codepoint must not be greater than/, 'Undefined Unicode code-point'],
  [/^HTML comments are only allowed with web compatibility/, 'HTML-like comments are not allowed; use // or /* */ comments'],
  [/^Property name __proto__ appears more than once/, 'Duplicate __proto__ fields are not allowed in object literals'],
];

/** meriyah messages that only say "this token did not fit here". */
const TOKEN_MISMATCH =
  /^(Unexpected token|Expected '|Dot property must be|Coalescing and logical operators|Class declaration must have a name|Block body arrows|Invalid key token|Unexpected character after object literal|A computed property name must be followed)/;

function translateSyntaxError(source: string, error: MeriyahError): Diagnostic {
  const diagnostic = (message: string, start: number, end: number): Diagnostic => ({
    code: Code.Syntax,
    message,
    severity: 'error',
    span: spanAt(source, start, end),
  });
  const description = error.description;
  if (TOKEN_MISMATCH.test(description)) {
    const token = offendingToken(source);
    if (token) {
      const message = description === "Expected ')'" && token.inCallArguments ? 'missing ) after argument list' : unexpectedTokenMessage(source, token.start, token.end);
      return diagnostic(message, token.start, token.end);
    }
  }
  if (description === 'Unterminated template literal') {
    // A template can only be unterminated by running into the end of the source.
    return diagnostic('Unexpected end of input', source.length, source.length);
  }
  if (description === 'Octal escape sequences are not allowed in strict mode' && /[0-9]/.test(source[error.start] ?? '')) {
    // meriyah reuses this message for numeric literals with a leading zero.
    const end = scanToken(source, error.start);
    const literal = source.slice(error.start, end);
    const message = /n$/.test(literal)
      ? 'Invalid or unexpected token'
      : /^0[0-7]+$/.test(literal)
        ? 'Octal literals are not allowed in strict mode.'
        : 'Decimals with leading zeros are not allowed in strict mode.';
    return diagnostic(message, error.start, end);
  }
  if (description === 'Octal escape sequences are not allowed in strict mode') {
    return diagnostic('Octal escape sequences are not allowed in strict mode.', error.start, error.end);
  }
  const [start, end] = anchor(source, description, error.start, error.end);
  for (const [pattern, replacement] of REWORDED) {
    const match = pattern.exec(description);
    if (match) return diagnostic(replacement.replace('$1', match[1] ?? ''), start, end);
  }
  return diagnostic(description, start, end);
}

/**
 * Moves meriyah's error range onto the construct V8 would point at, for errors where
 * meriyah reports the token *after* it (`delete v;` → `v`, `with (o)` → `with`).
 */
function anchor(source: string, description: string, start: number, end: number): [number, number] {
  const keyword = (word: string): [number, number] => {
    const at = source.lastIndexOf(word, start);
    return at < 0 ? [start, end] : [at, at + word.length];
  };
  const identifierBefore = (): [number, number] => {
    const match = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*(?=\s*$)/u.exec(source.slice(0, start));
    return match ? [match.index, match.index + match[0].length] : [start, end];
  };
  if (description.startsWith('Strict mode code may not include a with statement')) return keyword('with');
  if (description === 'Illegal break statement') return keyword('break');
  if (LET_MISUSE.test(description)) return keyword('let');
  if (/^(Calls to super|Member access on super)/.test(description)) return keyword('super');
  if (/^Property name __proto__ appears more than once/.test(description)) return keyword('__proto__');
  if (/^(Private identifier|Duplicate private identifier)/.test(description) && source[start - 1] === '#') return [start - 1, end];
  if (/^(Calling delete on expression|Missing initializer in)/.test(description)) return identifierBefore();
  return [start, end];
}

/**
 * The token meriyah was looking at when it failed: the first token after the last one it
 * consumed (meriyah reports consumed tokens through `onToken`, so we re-parse to find it).
 * A zero-width range at the end of the source means "unexpected end of input".
 * `inCallArguments` tells whether the innermost open bracket is a call's `(`, for V8's
 * "missing ) after argument list".
 */
function offendingToken(source: string): { start: number; end: number; inCallArguments: boolean } | undefined {
  let consumedEnd = 0;
  let previous = '';
  const open: boolean[] = []; // per open bracket: is it a call's argument list?
  try {
    parse(source, {
      ...PARSE_OPTIONS,
      onToken: (kind: string, start: number, end: number) => {
        const text = source.slice(start, end);
        if (kind === 'Punctuator' && (text === '(' || text === '[' || text === '{')) {
          open.push(text === '(' && /^(Identifier|\)|\]|super)$/.test(previous));
        } else if (kind === 'Punctuator' && (text === ')' || text === ']' || text === '}')) {
          open.pop();
        }
        previous = kind === 'Identifier' ? 'Identifier' : text;
        consumedEnd = end;
      },
    });
    return undefined;
  } catch {
    const start = skipTrivia(source, consumedEnd);
    const end = start >= source.length ? start : scanToken(source, start);
    return { start, end, inCallArguments: open.at(-1) === true };
  }
}

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;
const WHITESPACE = /[\t\v\f \u00a0\ufeff\p{Zs}]/u;

function skipTrivia(source: string, index: number): number {
  let i = index;
  while (i < source.length) {
    const c = source[i]!;
    if (LINE_TERMINATOR.test(c) || WHITESPACE.test(c)) {
      i++;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && !LINE_TERMINATOR.test(source[i]!)) i++;
    } else if (source.startsWith('/*', i)) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) return i; // unterminated comment: report it as the token
      i = close + 2;
    } else {
      break;
    }
  }
  return i;
}

const IDENTIFIER_PART = /[\p{ID_Continue}$\u200c\u200d\\]/u;
const IDENTIFIER_START = /[\p{ID_Start}$_\\#]/u;
/** Punctuators, longest first so that a prefix scan finds the longest match. */
const PUNCTUATORS = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '**',
  '{', '}', '(', ')', '[', ']', ';', ',', '<', '>', '+', '-', '*', '/', '%', '&', '|', '^', '!', '~', '?', ':', '=', '.',
];

/** The end offset of the token starting at `start` (a rough scan, good enough for messages). */
function scanToken(source: string, start: number): number {
  const c = source[start]!;
  if (IDENTIFIER_START.test(c)) {
    let i = start + 1;
    while (i < source.length && IDENTIFIER_PART.test(source[i]!)) i++;
    return i;
  }
  if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[start + 1] ?? ''))) {
    let i = start + 1;
    while (i < source.length && /[0-9A-Za-z_.]/.test(source[i]!)) i++;
    return i;
  }
  if (c === '"' || c === "'") {
    let i = start + 1;
    while (i < source.length && source[i] !== c && !LINE_TERMINATOR.test(source[i]!)) i += source[i] === '\\' ? 2 : 1;
    return Math.min(i + 1, source.length);
  }
  if (c === '`') {
    const close = source.indexOf('`', start + 1);
    return close < 0 ? source.length : close + 1;
  }
  const punctuator = PUNCTUATORS.find((p) => source.startsWith(p, start));
  return start + (punctuator?.length ?? 1);
}

const KEYWORDS = new Set(
  'await break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public'.split(' '),
);
const STRICT_RESERVED = new Set(['implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield']);

/** V8's wording for "this token cannot appear here". */
function unexpectedTokenMessage(source: string, start: number, end: number): string {
  if (start >= source.length) return 'Unexpected end of input';
  const text = source.slice(start, end);
  const c = text[0]!;
  if (IDENTIFIER_START.test(c) && c !== '#') {
    if (STRICT_RESERVED.has(text)) return 'Unexpected strict mode reserved word';
    if (text === 'await') return 'Unexpected reserved word';
    if (KEYWORDS.has(text)) return `Unexpected token '${text}'`;
    return `Unexpected identifier '${text}'`;
  }
  if (/[0-9.]/.test(c) && text !== '.' && text !== '...') return 'Unexpected number';
  if (c === '"' || c === "'") return 'Unexpected string';
  if (c === '`') return 'Unexpected template string';
  if (text.startsWith('/*')) return 'Invalid or unexpected token';
  if (PUNCTUATORS.includes(text)) return `Unexpected token '${text}'`;
  return 'Invalid or unexpected token';
}
