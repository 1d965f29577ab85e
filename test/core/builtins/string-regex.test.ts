/**
 * The regex-shaped String methods (match, matchAll, replace, replaceAll, search, split)
 * with string and RegExp arguments, differentially against V8.
 */
import { describe } from 'vitest';
import { batchedTable, q } from './string-regexp-diff';

let tableNo = 0;
function table(cases: string[]): void {
  batchedTable(`table ${++tableNo}`, cases);
}

/** Exec-like results projected to structured data (arrays lose their extra properties at the boundary). */
const SHOW = `const show = (m) => m === null ? null : { all: [...m], index: m.index, input: m.input, groups: m.groups === undefined ? 'none' : Object.entries(m.groups) };\n`;

const INPUTS = ['', 'a', 'abc', 'aaa', 'a1b22c333', 'one two  three', 'x😀y😀', '😀😀', 'a\nb\r\nc', 'AbCaBc', 'é\u0301e', '\ud83dx\ude00'];

describe('replace: templates', () => {
  const templates = ['', 'X', '$$', '$&', '$`', "$'", '$0', '$1', '$01', '$2', '$10', '$11', '$99', '$001', '$<n>', '$<m>', '$<', '$<n', '$', 'a$', '$$1', '[$&|$1|$2]', '$1$1$1'];
  const patterns = ['/b/', '/b/g', '/(b)/', '/(b)(c)?/g', '/(?<n>a)/g', '/(?<n>x)|(a)/g', '/(?:)/g', '/$/', '/^/gm', '/\\d+/g', '/(\\d)(\\d)?/g'];
  const cases: string[] = [];
  for (const p of patterns) {
    for (const t of templates) {
      cases.push(`['abcabc'.replace(${p}, ${q(t)}), 'a1b22c333'.replace(${p}, ${q(t)})]`);
    }
  }
  table(cases);
});

describe('replace / replaceAll with string patterns', () => {
  const cases: string[] = [];
  const subjects = ['', 'aaa', 'abcabc', 'a😀a', 'xyz'];
  const searches = ['', 'a', 'aa', 'bc', 'z', '😀', '\ud83d', '$'];
  const reps = ['-', '$&$&', '[$`]', "[$']", '$$', '$1', '$<n>', ''];
  for (const s of subjects) {
    for (const f of searches) {
      for (const r of reps) {
        cases.push(`[${q(s)}.replace(${q(f)}, ${q(r)}), ${q(s)}.replaceAll(${q(f)}, ${q(r)})]`);
      }
      cases.push(`[${q(s)}.replace(${q(f)}, (...a) => '<' + a.join('|') + '>'), ${q(s)}.replaceAll(${q(f)}, (...a) => '<' + a.join('|') + '>')]`);
    }
  }
  table(cases);
  table([
    "'abc'.replace('b')",
    "'abc'.replace()",
    "'aundefinedb'.replace(undefined, 'X')",
    "'a1b'.replace(1, 2)",
    "'anullb'.replaceAll(null, '!')",
    "'abc'.replace('b', { toString() { return '[$&]' } })",
    "'abc'.replace({ toString() { return 'c' } }, 'C')",
    "'abc'.replace('b', () => 1)",
    "'abc'.replace('b', () => ({ toString() { return 'obj' } }))",
    "'abc'.replace('b', () => undefined)",
    "'abc'.replace('b', function () { return typeof this })",
    "~'abc'.replace('b', () => Symbol())",
    "'abc'.replaceAll(/b/, 'x')",
    "'abc'.replaceAll(/b/g, 'x')",
    "'abc'.replaceAll({ [Symbol.match]: true, flags: 'x', [Symbol.replace]() { return 1 } }, 'x')",
    "'abc'.replaceAll({ [Symbol.match]: true, flags: 'g', [Symbol.replace](s, r) { return s + r } }, 'x')",
    "'abc'.replaceAll({ [Symbol.match]: true, flags: undefined }, 'x')",
    "'abc'.replace({ [Symbol.replace]: (s, r) => [s, r].join() }, 'R')",
    "String.prototype.replace.call(1234, 2, 'two')",
    "String.prototype.replaceAll.call(null, 'a', 'b')",
    "'aaa'.replaceAll('a', (m, i, s) => i + s.length)",
    "let calls = []; 'abab'.replaceAll('ab', (...a) => { calls.push(a); return 'X' }); calls",
    "'x'.replace.length + 'x'.replaceAll.length",
  ]);
});

describe('replace with regexes and functions', () => {
  const cases: string[] = [];
  const patterns = ['/a/', '/a/g', '/(a)|(b)/g', '/(?<L>[a-z])(?<D>\\d)?/g', '/(?:)/g', '/(?:)/gu', '/x*/g', '/$/g', '/\\b/g', '/./gu', '/./g', '/\\p{L}/gu', '/(?<=a)b/g', '/a(?=b)/g', '/(a)\\1/g', '/[😀]/gu', '/[😀]/g'];
  for (const p of patterns) {
    for (const s of INPUTS) {
      cases.push(`${q(s)}.replace(${p}, (...a) => '<' + a.map(x => typeof x === 'object' ? Object.entries(x).join(';') : String(x)).join('|') + '>')`);
    }
  }
  table(cases);
  table([
    "'abc'.replace(/b/, () => { throw new Error('boom') })",
    "try { 'abc'.replace(/b/g, () => { throw new RangeError('r') }) } catch (e) { e.name + e.message }",
    "const re = /b/g; re.lastIndex = 5; const r = 'abcb'.replace(re, (m) => re.lastIndex); [r, re.lastIndex]",
    "const re = /b/y; re.lastIndex = 1; const r = 'abcb'.replace(re, 'X'); [r, re.lastIndex]",
    "const re = /b/y; re.lastIndex = 2; const r = 'abcb'.replace(re, 'X'); [r, re.lastIndex]",
    "const re = /b/gy; ['bbab'.replace(re, 'X'), re.lastIndex]",
    "const re = /b/; re.lastIndex = 3; ['abcb'.replace(re, 'X'), re.lastIndex]",
    "'aaa'.replace(/a/g, (m, off, str) => off + str)",
    "'aaaa'.replace(/a/g, function (...args) { return args.length })",
    "'abc'.replace(/(?<x>b)/, (...args) => typeof args[args.length - 1])",
    "'abc'.replace(/(?<x>b)/, (...args) => Object.getPrototypeOf(args[args.length - 1]))",
    "'2024-01-15'.replace(/(?<y>\\d+)-(?<m>\\d+)-(?<d>\\d+)/, '$<d>/$<m>/$<y>')",
    "'2024-01-15'.replace(/(?<y>\\d+)-(?<m>\\d+)-(?<d>\\d+)/, (...a) => { const g = a[a.length - 1]; return g.d + '.' + g.m + '.' + g.y })",
    "'Hello World'.replace(/o/g, '0')",
    "'snake_case_here'.replace(/_(\\w)/g, (m, c) => c.toUpperCase())",
    "'camelCaseString'.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())",
    "'  trim me  '.replace(/^\\s+|\\s+$/g, '')",
    "'a.b.c'.replace(/\\./g, '\\\\.')",
    "'x'.replace(/x/, '$')",
    "'x'.replace(/(x)/, '$2')",
  ]);
});

describe('match / matchAll / search', () => {
  const cases: string[] = [];
  const patterns = ['/a/', '/a/g', '/(a)(x)?/', '/(a)(x)?/g', '/(?<w>\\w)\\d/g', '/(?:)/g', '/(?:)/gu', '/\\d+/g', '/./gu', '/^\\w+/gm', '/[a-c]/gi', "'a'", "'.'", "'\\\\d+'", 'undefined', 'null', '/(?<=\\d)[a-z]/g', '/\\B/g', '/x*/g'];
  for (const p of patterns) {
    for (const s of INPUTS) {
      cases.push(`${SHOW}const m = ${q(s)}.match(${p}); m === null ? null : m.index === undefined ? [...m] : show(m)`);
      cases.push(`${q(s)}.search(${p})`);
      if (!p.startsWith('/') || p.endsWith('g') || p.endsWith('gu') || p.endsWith('gm') || p.endsWith('gi')) {
        cases.push(`${SHOW}[...${q(s)}.matchAll(${p})].map(show)`);
      }
    }
  }
  table(cases);
  table([
    "const m = 'abc'.match(); [m[0], m.index, m.length]",
    "const r = /a|b*?|c/y; r.lastIndex = 5; const m = ''.match(r); [m, r.lastIndex]",
    "['/x/'.match(/y/), '/x/'.match(/y/g), '/x/'.search(/y/), '/x/'.replace(/y/, 'z'), '/x/'.split(/y/)]",
    "const r = /(?:)/y; r.lastIndex = 9; ['ab'.match(r), r.lastIndex]",
    "'abc'.search()",
    "'abc'.matchAll(/b/)",
    "'abc'.matchAll({ [Symbol.match]: true, flags: 'x' })",
    "[...'abc'.matchAll()].length",
    "'a(b'.match('(')",
    "'abc'.match({ [Symbol.match](s) { return 'custom:' + s } })",
    "'abc'.search({ [Symbol.search](s) { return 42 } })",
    "'abc'.matchAll({ [Symbol.matchAll](s) { return 'it:' + s } })",
    "'1a2b'.match({ toString() { return '\\\\d' } })[0]",
    "String.prototype.match.call(12345, /3/).index",
    "String.prototype.search.call(null, /a/)",
    "const re = /b/g; re.lastIndex = 2; ['abcb'.search(re), re.lastIndex]",
    "const re = /b/y; re.lastIndex = 2; ['abcb'.search(re), re.lastIndex]",
    "const re = /b/; re.lastIndex = 'x'; ['abcb'.search(re), re.lastIndex]",
    "const re = /b/g; re.lastIndex = 3; const m = 'abcb'.match(re); [m, re.lastIndex]",
    "const re = /b/y; re.lastIndex = 1; const m = 'abcb'.match(re); [m && m.index, re.lastIndex]",
    "const re = /a/g; const it = 'aXa'.matchAll(re); re.lastIndex = 2; [...it].map(m => m.index)",
    "const re = /a/g; re.lastIndex = 1; const it = 'aXa'.matchAll(re); [[...it].map(m => m.index), re.lastIndex]",
    "const it = 'ab'.matchAll(/./g); [typeof it.next, it[Symbol.iterator]() === it, Object.prototype.toString.call(it)]",
    "const it = 'ab'.matchAll(/./g); const a = it.next(); const b = it.next(); const c = it.next(); const d = it.next(); [a.value[0], b.value[0], c.done, c.value, d.done]",
    "const it = 'ab'.matchAll(/./g); it.next.call({})",
    "const it = 'ab'.matchAll(/./g); Object.getPrototypeOf(Object.getPrototypeOf(it)) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))",
    "const it = 'aaa'.matchAll(/a/y); [...it].map(m => m.index)",
    "const it = 'xaa'.matchAll(/a/gy); [...it].map(m => m.index)",
    "'abc'.match.length + 'abc'.matchAll.length + 'abc'.search.length",
    "'test'.match(/(?<first>t)(?<rest>.*)/).groups.rest",
    "let out = []; for (const m of 'k1=v1;k2=v2'.matchAll(/(\\w+)=(\\w+)/g)) out.push(m[1] + ':' + m[2] + '@' + m.index); out",
  ]);
});

describe('split with regexes', () => {
  const cases: string[] = [];
  const patterns = ['/,/', '/(,)/', '/\\s*/', '/(?:)/', '/(?:)/u', '/(?:)/y', '/a*/', '/a*?/', '/(a)|(b)/', '/\\b/', '/$/', '/^/m', '/(?=a)/', '/(?<=a)/', '/x/', '/(x)?/', '/[😀]/u', '/[😀]/', '/\\ud83d/', '/\\ud83d/u', '/(?:)/gy', '/./su', '/\\d+/', '/(\\d)/', '/a/i'];
  const inputs = ['', 'a,b,,c', 'abab', 'AbaB', 'x😀y😀', '😀', '\ud83d\ude00\ud83d', 'a1b22c', ' a b ', 'aaa'];
  for (const p of patterns) {
    for (const s of inputs) {
      for (const lim of ['', ', 0', ', 1', ', 2', ', -1']) cases.push(`${q(s)}.split(${p}${lim})`);
    }
  }
  table(cases);
  table([
    "const re = /,/g; re.lastIndex = 3; ['a,b,c'.split(re), re.lastIndex]",
    "const re = /,/y; ['a,b,c'.split(re), re.lastIndex]",
    "'a,b'.split(/,/, { valueOf() { return 1 } })",
    "'test'.split(/(?:)/, 2 ** 32 + 2)",
    "'A<B>bold</B>and<CODE>coded</CODE>'.split(/<(\\/)?([^<>]+)>/)",
    "'Harry Trump ;Fred Barney; Helen Rigby ; Bill Abel ;Chris Hand '.split(/\\s*(?:;|$)\\s*/)",
    "'one1two2three'.split(/\\d/, 2)",
    "'abc'.split(/(?:)/).length",
    "RegExp.prototype[Symbol.split].call(/-/, 'a-b-c', 2)",
    "RegExp.prototype[Symbol.split].call(/-/, 'a-b-c')",
  ]);
});
