/**
 * RegExp: constructor, exec/test, lastIndex (global, sticky, unicode), flags and
 * source, toString, the Symbol methods called directly, RegExp String Iterators;
 * differentially against V8.
 */
import { describe, expect, it } from 'vitest';
import { runSync } from '../../../core/index';
import { batchedTable, q } from './string-regexp-diff';

let tableNo = 0;
function table(cases: string[]): void {
  batchedTable(`table ${++tableNo}`, cases);
}

const SHOW = `const show = (m) => m === null ? null : { all: [...m], index: m.index, input: m.input, keys: Object.keys(m), groups: m.groups === undefined ? 'none' : [Object.getPrototypeOf(m.groups), Object.entries(m.groups)], indices: m.indices === undefined ? 'none' : [[...m.indices].map(p => p === undefined ? 'u' : [...p]), m.indices.groups === undefined ? 'none' : Object.entries(m.indices.groups).map(([k, v]) => [k, v === undefined ? 'u' : [...v]])] };\n`;

describe('RegExp constructor', () => {
  table([
    "String(new RegExp('a+', 'gi'))",
    "String(RegExp('a+'))",
    "String(new RegExp())",
    "String(new RegExp(undefined, undefined))",
    "String(new RegExp(''))",
    "String(new RegExp(null))",
    "String(new RegExp(123, ''))",
    "String(new RegExp(/ab/g))",
    "String(new RegExp(/ab/g, 'i'))",
    "String(new RegExp(/ab/g, ''))",
    "const r = /x/g; [RegExp(r) === r, new RegExp(r) === r, RegExp(r, 'g') === r]",
    "const r = /x/g; r.constructor = Object; RegExp(r) === r",
    "String(new RegExp('a', 'dgimsuy'))",
    "String(new RegExp('a', 'yusmigd'))",
    "new RegExp('a', 'v').flags",
    "new RegExp('a', 'gg')",
    "new RegExp('a', 'x')",
    "new RegExp('a', 'uv')",
    "new RegExp('(')",
    "new RegExp('[')",
    "new RegExp('a**')",
    "new RegExp('\\\\')",
    "new RegExp('(?<a>x)(?<a>y)')",
    "new RegExp('\\\\k<a>', 'u')",
    "new RegExp('{1}', 'u')",
    "new RegExp('(', 'gg')",
    "RegExp('\\\\p{Lu}', 'u').test('A')",
    "String(new RegExp({ toString() { return 'obj' } }, { toString() { return 'g' } }))",
    "String(new RegExp({ [Symbol.match]: true, source: 'src', flags: 'm' }))",
    "String(new RegExp({ [Symbol.match]: true, source: 'src', flags: 'm' }, 'i'))",
    "new RegExp(Symbol())",
    "RegExp.length + ':' + RegExp.name",
    "RegExp[Symbol.species] === RegExp",
    "RegExp.prototype.constructor === RegExp",
    "Object.getPrototypeOf(/a/) === RegExp.prototype",
    "/a/ instanceof RegExp",
    "typeof /a/",
    "Object.prototype.toString.call(/a/)",
    "class R extends RegExp { hi() { return 'hi ' + this.source } }; const r = new R('a+', 'g'); [r.hi(), r instanceof RegExp, r instanceof R, r.test('xaa'), r.lastIndex, String(r)]",
    "class R extends RegExp {}; const r = new R('b', 'g'); ['abcb'.replace(r, 'X'), 'abcb'.split(r), 'abcb'.match(r)]",
    "const a = /x/; const b = /x/; a === b",
    "const f = () => /x/g; f() === f()",
    "const f = () => /x/g; const a = f(); a.lastIndex = 3; f().lastIndex",
  ]);
});

describe('source, flags, toString', () => {
  const sources = ['/', 'a/b', '[/]', '\\/', '\n', '\\\n', '\r\u2028\u2029', '', '[\\]/]/', '\\\\/', 'a\\\\\\/', '[[/]/]', '\\[/', '(?:)', '\t', '\\u2028'];
  const cases: string[] = [];
  for (const s of sources) {
    cases.push(`const r = new RegExp(${q(s)}); [r.source, String(r), new RegExp(r.source).source === r.source, new RegExp(r.source).test(${q(s)}) === r.test(${q(s)})]`);
  }
  table(cases);
  const flagCases: string[] = [];
  for (const f of ['', 'd', 'g', 'i', 'm', 's', 'u', 'v', 'y', 'dgimsuy', 'gimsvy']) {
    flagCases.push(`const r = new RegExp('a', ${q(f)}); [r.flags, r.hasIndices, r.global, r.ignoreCase, r.multiline, r.dotAll, r.unicode, r.unicodeSets, r.sticky]`);
  }
  table(flagCases);
  table([
    "[RegExp.prototype.source, RegExp.prototype.flags, RegExp.prototype.global, RegExp.prototype.sticky, String(RegExp.prototype)]",
    "const d = Object.getOwnPropertyDescriptor(RegExp.prototype, 'global'); [typeof d.get, d.set, d.enumerable, d.get.name]",
    "Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.call({ global: 1, hasIndices: 1, sticky: 'y', unicode: 0, dotAll: [] })",
    "Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.call(1)",
    "Object.getOwnPropertyDescriptor(RegExp.prototype, 'global').get.call({})",
    "Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get.call({})",
    "RegExp.prototype.toString.call({ source: 'x', flags: 'q' })",
    "RegExp.prototype.toString.call({})",
    "RegExp.prototype.toString.call(1)",
    "/a/g.toString.length",
    "'' + /x\\/y/m",
    "`${/a/giu}`",
    "[/a/ + '', /[/]/.source]",
  ]);
});

describe('exec / test', () => {
  const patterns = ['/a/', '/(a)|(b)/', '/(?<x>a)(?<y>b)?/', '/(?<x>a)(?<y>b)?/d', '/(a)(?:b)(c)?/d', '/x*/', '/(?<n>.)\\k<n>/', '/\\w+@\\w+\\.com/', '/^$/m', '/(?<=(\\d))(\\w)/', '/(?=(a+))a*b\\1/', '/(z)((a+)?(b+)?(c))*/', '/./su', '/\\u{1F600}/u', '/[^x]/u', '/(?<a>.)|(?<b>\\d)/d'];
  const inputs = ['', 'a', 'ab', 'ba', 'aab', 'xx', 'joe@x.com', 'a\n\nb', '1a2b', 'baaabac', 'zaacbbbcac', '😀', '\ud83d', '9'];
  const cases: string[] = [];
  for (const p of patterns) for (const s of inputs) cases.push(`${SHOW}show(${p}.exec(${q(s)}))`);
  table(cases);
  table([
    `${SHOW}show(/a/.exec())`,
    `${SHOW}show(/undefined/.exec())`,
    `${SHOW}show(/1/.exec(12))`,
    `${SHOW}show(/b/.exec({ toString() { return 'abc' } }))`,
    "RegExp.prototype.exec.call({}, 'a')",
    "RegExp.prototype.exec.call('abc', 'a')",
    "RegExp.prototype.test.call({ exec() { return null } }, 'a')",
    "RegExp.prototype.test.call({ exec() { return {} } }, 'a')",
    "RegExp.prototype.test.call({ exec: 1 }, 'a')",
    "RegExp.prototype.test.call(1, 'a')",
    "const r = /a/; r.exec = () => null; r.test('a')",
    "class R extends RegExp { exec(s) { return s === 'yes' ? [] : null } }; const r = new R('x'); [r.test('yes'), r.test('x')]",
    "/a/.exec.length + /a/.test.length",
    "const m = /(a)(b)?/.exec('a'); [m.length, 1 in m, 2 in m, m[2]]",
    "const m = /(?<a>x)/.exec('x'); Object.getPrototypeOf(m.groups) === null",
    "const m = /(?<a>x)/.exec('x'); m.groups.toString",
    "const m = /a/d.exec('xa'); [Object.keys(m), Object.keys(m.indices), m.indices.groups]",
    "const m = /a/.exec('xa'); m.indices",
    "const m = /b/.exec('abc'); m.input = 'changed'; m.index = 9; [m.input, m.index, Array.isArray(m)]",
  ]);
});

describe('lastIndex: global, sticky, unicode', () => {
  const cases: string[] = [];
  const patterns = ['/a/g', '/a/y', '/a/gy', '/a/', '/(?:)/g', '/(?:)/gu', '/(?:)/y', '/(?:)/yu', '/\\udc00/g', '/\\udc00/gu', '/./gu', '/./g', '/😀/gu', '/[😀]/gu', '/^/gm', '/$/g', '/\\b/gy', '/(?<=\\ud83d)/gu'];
  const inputs = ['aXa', 'aa', '', '😀a😀', 'a\nb', '\udc00x'];
  for (const p of patterns) {
    for (const s of inputs) {
      for (const li of ['0', '1', '2', '3', '-1', '100', "'1'", 'NaN', '1.9', 'undefined', 'null', '4.5']) {
        cases.push(`const r = ${p}; r.lastIndex = ${li}; const m = r.exec(${q(s)}); [m && m.index, m && m[0], r.lastIndex]`);
      }
      cases.push(`const r = ${p}; const out = []; for (let i = 0; i < 6; i++) { const m = r.exec(${q(s)}); out.push(m && m.index, r.lastIndex) } out`);
      cases.push(`const r = ${p}; const out = []; for (let i = 0; i < 6; i++) { out.push(r.test(${q(s)}), r.lastIndex) } out`);
    }
  }
  table(cases);
  table([
    "const r = /a/g; Object.getOwnPropertyNames(r)",
    "const d = Object.getOwnPropertyDescriptor(/a/g, 'lastIndex'); [d.value, d.writable, d.enumerable, d.configurable]",
    "const r = /a/g; r.lastIndex = 'x'; [r.lastIndex, r.exec('a') !== null, r.lastIndex]",
    "const r = /a/g; r.lastIndex = { valueOf() { return 1 } }; [r.exec('aa').index, r.lastIndex]",
    "const r = /a/g; Object.freeze(r); r.exec('a')",
    "const r = /a/g; Object.freeze(r); r.exec('b')",
    "const r = /a/; Object.freeze(r); r.exec('a')[0]",
    "const r = /a/y; Object.defineProperty(r, 'lastIndex', { writable: false }); r.test('b')",
    "const r = /a/g; Object.freeze(r); 'aa'.replace(r, 'b')",
    "const r = /a/g; Object.freeze(r); 'aa'.match(r)",
    "const r = /a/; Object.freeze(r); 'aa'.search(r)",
    "~const r = /a/g; delete r.lastIndex",
    "const r = /a/; r.lastIndex = { valueOf() { return 1 } }; const m = r.exec('aa'); [m.index, typeof r.lastIndex]",
    "let n = 0; const r = /a/y; r.lastIndex = { valueOf() { n++; return 1 } }; const m = r.exec('aa'); [m.index, r.lastIndex, n]",
    "let n = 0; const r = /a/y; r.lastIndex = { valueOf() { n++; return 0 } }; [r.test('ba'), r.lastIndex, n]",
    "let n = 0; const r = /a/y; r.lastIndex = { valueOf() { n++; return 1 } }; ['ba'.replace(r, 'X'), r.lastIndex, n]",
    "let n = 0; const r = /a/y; r.lastIndex = { valueOf() { n++; return 1 } }; const m = 'ba'.match(r); [m.index, r.lastIndex, n]",
    "let n = 0; const r = /a/g; r.lastIndex = { valueOf() { n++; return 1 } }; [[...'aba'.matchAll(r)].map(m => m.index), n]",
    "let n = 0; const r = /a/g; r.lastIndex = { valueOf() { n++; return 1 } }; ['aba'.replace(r, 'X'), r.lastIndex, n]",
    "const r = /a/g; r.lastIndex = 5; Object.keys(r)",
    "const r = /a/g; r.foo = 1; [Object.keys(r), r.foo]",
  ]);
});

describe('Symbol methods called directly', () => {
  table([
    "RegExp.prototype[Symbol.match].call(/a/g, 'aXa')",
    "RegExp.prototype[Symbol.match].call(1, 'a')",
    "RegExp.prototype[Symbol.replace].call(/a/g, 'aXa', 'b')",
    "RegExp.prototype[Symbol.replace].call(/a/g, 'aXa', (m, i) => i)",
    "RegExp.prototype[Symbol.replace].call({}, 'a', 'b')",
    "RegExp.prototype[Symbol.split].call({}, 'a')",
    "RegExp.prototype[Symbol.matchAll].call({}, 'a')",
    "RegExp.prototype[Symbol.search].call({}, 'a')",
    "RegExp.prototype.test.call('x', 'a')",
    "RegExp.prototype[Symbol.search].call(/X/, 'aXa')",
    "RegExp.prototype[Symbol.search].call(1, 'a')",
    "RegExp.prototype[Symbol.split].call(/X/, 'aXa')",
    "RegExp.prototype[Symbol.split].call(1, 'a')",
    "[...RegExp.prototype[Symbol.matchAll].call(/a/g, 'aXa')].map(m => m.index)",
    "RegExp.prototype[Symbol.matchAll].call(1, 'a')",
    "/a/g[Symbol.replace]('aa', { toString() { return 'T' } })",
    "/a/[Symbol.split]({ toString() { return 'bab' } })",
    "[RegExp.prototype[Symbol.match].name, RegExp.prototype[Symbol.replace].name, RegExp.prototype[Symbol.split].length, RegExp.prototype[Symbol.replace].length]",
    "const it = /a/g[Symbol.matchAll]('aa'); [typeof it.next, Object.prototype.toString.call(it), it[Symbol.toStringTag]]",
    "const p = Object.getPrototypeOf(/a/g[Symbol.matchAll]('aa')); [Object.getOwnPropertyNames(p), p.next.name, p.next.length]",
    "const r = /a/g; r.lastIndex = 1; [/a/g[Symbol.replace]('aaa', 'b'), r.lastIndex]",
    "const r = /(?:)/g; r[Symbol.split]('abc')",
    "const r = /b/g; r.lastIndex = 2; [r[Symbol.split]('abcb'), r.lastIndex]",
    "const r = /a/g; r.lastIndex = 2; [r[Symbol.match]('aaaa'), r.lastIndex]",
    "const r = /a/g; r.lastIndex = 2; [r[Symbol.search]('aaaa'), r.lastIndex]",
  ]);
});

describe('unicode and case-insensitive matching through the String methods', () => {
  table([
    "'😀😀'.replace(/(?:)/gu, '-')",
    "'😀😀'.replace(/(?:)/g, '-').length",
    "'😀😀'.split(/(?:)/u)",
    "'😀😀'.split(/(?:)/).length",
    "'a😀b'.match(/./gu)",
    "'a😀b'.match(/./g).length",
    "'ΣΑΣ σας'.match(/σ/gi)",
    "'ſ K k'.match(/[a-z]/gi)",
    "'ſ K k'.match(/[a-z]/giu)",
    "'ǅ'.match(/ǆ/i)[0]",
    "'\\u212A'.replace(/k/iu, 'x')",
    "'Straße'.replace(/SS/i, 'x')",
    "'İ'.search(/i/i)",
    "'x\\u{1F600}y'.replace(/\\p{Emoji_Presentation}/gu, '[e]')",
    "'Ünïcödé'.replace(/\\p{L}/gu, (c) => c.normalize('NFD')[0])",
    "'abc'.replace(/[\\q{abc}]/v, 'X')",
    "'a-b_c'.split(/[\\p{P}--[_]]/v)",
  ]);
});

describe('documented differences from V8', () => {
  const run = (src: string) => runSync(src).value;
  it('Symbol methods reject regexes with a user-defined exec (clear TypeError)', () => {
    for (const call of ["'abc'.replace(r, 'x')", "'abc'.match(r)", "'abc'.split(r)", "'abc'.search(r)", "[...'abc'.matchAll(r)]"]) {
      const src = `class R extends RegExp { exec(s) { return super.exec(s) } }; const r = new R('b', 'g'); try { ${call}; 'no error' } catch (e) { e.name + ': ' + e.message }`;
      expect(run(src)).toMatch(/^TypeError: RegExp\.prototype\.@@\w+: objects with a user-defined exec method are not supported$/);
    }
  });
  it('test() does call a user-defined exec, as in the spec', () => {
    expect(run("const r = /x/; r.exec = (s) => s === 'yes' ? [] : null; [r.test('yes'), r.test('x')]")).toEqual([true, false]);
  });
  it('a non-participating capture is undefined in function replacers (V8 sometimes passes "" with u/v)', () => {
    expect(run("const out = []; '😀'.replace(/(a)*/gu, (m, c) => { out.push(c === undefined ? 'u' : c); return m }); out")).toEqual(['u', 'u']);
  });
  it('locale-sensitive methods accept only en / en-*', () => {
    expect(run("try { 'a'.localeCompare('b', 'sv') } catch (e) { e.name + ': ' + e.message }")).toBe(
      "RangeError: String.prototype.localeCompare: Capsule supports only the en-US locale (got 'sv')",
    );
    expect(run("try { 'I'.toLocaleLowerCase('tr') } catch (e) { e.name }")).toBe('RangeError');
    expect(run("['a'.localeCompare('b', 'en-GB'), 'I'.toLocaleLowerCase(['en-US']), 'i'.toLocaleUpperCase('EN')]")).toEqual([-1, 'i', 'I']);
  });
});
