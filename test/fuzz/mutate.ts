/**
 * Token- and line-level mutations of guest programs (the corpora and generated programs):
 * swap operators, change literals to boundary values, duplicate / drop / swap statements,
 * insert loops and recursion, rename identifiers, truncate. Mutants are often invalid or
 * loop forever: that is the point (core must answer every one with a typed error, inside
 * its limits).
 */
import type { Rng } from './rng';

export interface Token {
  kind: 'ws' | 'comment' | 'string' | 'template' | 'number' | 'ident' | 'punct' | 'other';
  text: string;
}

const TOKEN_RE =
  /(\s+)|(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")|(`(?:[^`\\]|\\[\s\S])*`)|(0[xXoObB][0-9a-fA-F_]+n?|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?n?)|([A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*)|(>>>=|\.\.\.|===|!==|\*\*=|<<=|>>=|>>>|&&=|\|\|=|\?\?=|=>|==|!=|<=|>=|&&|\|\||\?\?|\?\.|\+\+|--|\+=|-=|\*=|\/=|%=|&=|\|=|\^=|\*\*|<<|>>|[{}()[\];,<>+\-*/%&|^!~?:=.@#])|([\s\S])/gy;

/** Splits source into tokens (regex literals come out as punctuation + identifiers: good enough to mutate). */
export function tokenize(source: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(source)) !== null) {
    const kinds: Token['kind'][] = ['ws', 'comment', 'string', 'template', 'number', 'ident', 'punct', 'other'];
    let k = 0;
    while (m[k + 1] === undefined) k++;
    out.push({ kind: kinds[k], text: m[0] });
    if (TOKEN_RE.lastIndex >= source.length) break;
  }
  return out;
}

const OP_CLASSES: string[][] = [
  ['+', '-', '*', '/', '%', '**', '&', '|', '^', '<<', '>>', '>>>', '&&', '||', '??', ',', 'in', 'instanceof'],
  ['<', '<=', '>', '>=', '==', '===', '!=', '!=='],
  ['+=', '-=', '*=', '/=', '%=', '**=', '&=', '|=', '^=', '<<=', '>>=', '>>>=', '&&=', '||=', '??=', '='],
  ['++', '--'],
  ['.', '?.'],
  ['!', '~', '-', '+', 'typeof ', 'void ', 'delete ', 'await '],
];

const BOUNDARY_NUMBERS = [
  '0', '-0', '1', '-1', '2', 'NaN', 'Infinity', '-Infinity', '0.5', '1e21', '1e-7', '5e-324', '1.7976931348623157e308',
  '2147483647', '2147483648', '-2147483648', '4294967295', '4294967296', '9007199254740991', '9007199254740993',
  '65535', '65536', '1114111', '1114112', '255', '256', '100', '1000', '100000', '1e9', '0x7fffffff', '2n', '0n', '-1n',
  '(2n ** 64n)', '123456789012345678901234567890n',
];

const BOUNDARY_STRINGS = [
  "''", "'a'", "'\\u0000'", "'\\ud800'", "'\\udc00x'", "'😀'", "'__proto__'", "'constructor'", "'prototype'", "'toString'",
  "'valueOf'", "'length'", "'-1'", "'4294967295'", "'1e21'", "' \\n\\t'", "'NaN'", "'%s%d%o%j'", "'$&$1$<x>'", "'\\\\'",
  "'a'.repeat(1000)", "'x'.repeat(65537)",
];

const IDENTS = [
  'undefined', 'null', 'globalThis', 'Object', 'Array', 'constructor', '__proto__', 'prototype', 'this', 'Symbol',
  'Promise', 'JSON', 'Math', 'String', 'Number', 'BigInt', 'Error', 'Map', 'Set', 'RegExp', 'Date', 'length', 'console',
];

const INSERTS = [
  'for (let __i = 0; __i < 1e9; __i++) {}',
  'while (true) {}',
  'for (;;) { if (Math.abs(0) > 1) break; }',
  'function __r(n) { return n <= 0 ? 0 : 1 + __r(n - 1); } __r(100000);',
  'const __f = () => __f(); try { __f(); } catch (e) { console.log(e.name); }',
  'let __a = []; for (let __i = 0; __i < 1e7; __i++) __a.push([__i]);',
  "let __s = 'x'; for (let __i = 0; __i < 40; __i++) __s += __s;",
  'new Array(4294967295).fill(0);',
  "'a'.repeat(2 ** 28);",
  'JSON.parse("[".repeat(100000) + "]".repeat(100000));',
  'let __o = {}; for (let __i = 0; __i < 50; __i++) __o = { a: __o, b: __o }; JSON.stringify(__o);',
  '(async () => { for (;;) await null; })();',
  'Promise.resolve().then(function __p() { return Promise.resolve().then(__p); });',
  'class __C extends Array {} new __C(3).map((x) => x);',
  'Object.defineProperty(Object.prototype, "x", { get() { return 1; }, configurable: true });',
  'Array.prototype.push = function () { return 0; };',
  'Symbol.iterator;',
  '[...Array(100000).keys()].sort((a, b) => b - a);',
  "/(a+)+$/.test('a'.repeat(30) + 'b');",
  '10n ** 100000n;',
  "let __a = ['x']; for (let __i = 0; __i < 25; __i++) __a = [__a, __a]; String(__a);",
  "let __a = ['x']; for (let __i = 0; __i < 25; __i++) __a = [__a, __a]; __a.flat(Infinity).length;",
  "let __o = {}; for (let __i = 0; __i < 30; __i++) __o = { a: __o, b: __o }; console.log(__o);",
];

/** Joins tokens back into source. */
export function untokenize(tokens: Token[]): string {
  return tokens.map((t) => t.text).join('');
}

type Mutation = (source: string, rng: Rng) => string;

function tokenMutation(pickable: (t: Token) => boolean, change: (t: Token, rng: Rng, all: Token[]) => string): Mutation {
  return (source, rng) => {
    const tokens = tokenize(source);
    const idx = tokens.map((t, i) => (pickable(t) ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) return source;
    const i = rng.pick(idx);
    tokens[i] = { ...tokens[i], text: change(tokens[i], rng, tokens) };
    return untokenize(tokens);
  };
}

const OPS = new Set(OP_CLASSES.flat().map((o) => o.trim()));

const MUTATIONS: [number, string, Mutation][] = [
  [4, 'swap-operator', tokenMutation((t) => t.kind === 'punct' && OPS.has(t.text), (t, rng) => {
    const cls = OP_CLASSES.find((c) => c.some((o) => o.trim() === t.text))!;
    return ` ${rng.pick(cls)} `;
  })],
  [4, 'boundary-number', tokenMutation((t) => t.kind === 'number', (_t, rng) => rng.pick(BOUNDARY_NUMBERS))],
  [2, 'boundary-string', tokenMutation((t) => t.kind === 'string', (_t, rng) => rng.pick(BOUNDARY_STRINGS))],
  [2, 'rename-identifier', tokenMutation((t) => t.kind === 'ident', (_t, rng, all) => {
    const names = all.filter((x) => x.kind === 'ident').map((x) => x.text);
    return rng.chance(50) ? rng.pick(names) : rng.pick(IDENTS);
  })],
  [1, 'delete-token', tokenMutation((t) => t.kind !== 'ws', () => '')],
  [1, 'duplicate-token', tokenMutation((t) => t.kind !== 'ws', (t) => `${t.text} ${t.text}`)],
  [3, 'duplicate-line', (source, rng) => {
    const lines = source.split('\n');
    const i = rng.int(0, lines.length - 1);
    lines.splice(i, 0, lines[i]);
    return lines.join('\n');
  }],
  [2, 'drop-line', (source, rng) => {
    const lines = source.split('\n');
    lines.splice(rng.int(0, lines.length - 1), 1);
    return lines.join('\n');
  }],
  [2, 'swap-lines', (source, rng) => {
    const lines = source.split('\n');
    const i = rng.int(0, lines.length - 1);
    const j = rng.int(0, lines.length - 1);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  }],
  [3, 'insert', (source, rng) => {
    const lines = source.split('\n');
    lines.splice(rng.int(0, lines.length), 0, rng.pick(INSERTS));
    return lines.join('\n');
  }],
  [2, 'wrap-loop', (source, rng) => {
    const lines = source.split('\n');
    const i = rng.int(0, lines.length - 1);
    const j = rng.int(i, Math.min(lines.length - 1, i + 4));
    lines.splice(j + 1, 0, '}');
    lines.splice(i, 0, `for (let __k = 0; __k < ${rng.pick(['3', '100', '1e6'])}; __k++) {`);
    return lines.join('\n');
  }],
  [1, 'wrap-function', (source) => `function __main() {\n${source}\n}\n__main();`],
  [1, 'truncate', (source, rng) => {
    const tokens = tokenize(source);
    return untokenize(tokens.slice(0, rng.int(0, tokens.length)));
  }],
];

/** Applies 1–3 random mutations; returns the mutant and the names of the mutations applied. */
export function mutate(source: string, rng: Rng): { source: string; mutations: string[] } {
  const total = MUTATIONS.reduce((s, [w]) => s + w, 0);
  const n = rng.int(1, 3);
  const applied: string[] = [];
  let out = source;
  for (let k = 0; k < n; k++) {
    let r = rng.int(1, total);
    for (const [w, name, f] of MUTATIONS) {
      if ((r -= w) <= 0) {
        out = f(out, rng);
        applied.push(name);
        break;
      }
    }
  }
  return { source: out, mutations: applied };
}
