/**
 * String: constructor, statics and the non-regex prototype methods, differentially
 * against V8 (see string-regexp-diff.ts).
 */
import { describe } from 'vitest';
import { batchedTable, q } from './string-regexp-diff';

const SAMPLES = ['', 'a', 'abc', 'Hello, World', '  pad  ', 'ａｂｃ', 'a😀b', '\ud83d', 'x\udc00y', 'ß', 'İstanbul', 'ﬀ'];
const NUMS = ['undefined', 'null', '0', '-0', '1', '-1', '2', '3', '-3', '100', '1.7', '-1.2', 'NaN', 'Infinity', '-Infinity', "'2'", 'true', '[]', '[1]'];

let tableNo = 0;
function table(cases: string[]): void {
  batchedTable(`table ${++tableNo}`, cases);
}

describe('String constructor', () => {
  table([
    'String()',
    'String(undefined)',
    'String(null)',
    'String(123)',
    'String(-0)',
    'String(1e21)',
    'String(true)',
    'String(10n)',
    "String(Symbol('x'))",
    'String(Symbol())',
    "String(Symbol.iterator)",
    '~new String(Symbol())',
    "Object.prototype.toString.call(new String('ab'))",
    "typeof new String('ab')",
    "new String('ab').length",
    "new String('ab')[1]",
    "Object.keys(new String('ab'))",
    "new String('ab') + 'c'",
    "new String('ab').valueOf()",
    "new String('ab').toString()",
    "new String('ab') == 'ab'",
    "new String('ab') === 'ab'",
    'String([1, [2, 3]])',
    'String({})',
    "String({ toString() { return 'T' } })",
    "String({ valueOf() { return 'V' }, toString: undefined })",
    "String({ [Symbol.toPrimitive](h) { return h } })",
    "new String({ toString() { return 'T' } }).length",
    "String({ toString() { return {} }, valueOf() { return 'v' } })",
    "~String({ toString() { return {} }, valueOf() { return {} } })",
    "String.length",
    "String.name",
    "class S extends String { twice() { return this + this } }; const s = new S('ab'); [s.twice(), s.length, s instanceof String, s instanceof S]",
    "String.prototype.length",
    "Object.prototype.toString.call(new String(''))",
    "String(new String('w'))",
    "String(function f() {}.name)",
    "`${new String('tpl')}`",
  ]);
});

describe('String statics', () => {
  table([
    'String.fromCharCode()',
    'String.fromCharCode(65, 66, 67)',
    'String.fromCharCode(65.9, -1, 65536 + 65, 0x1F600)',
    "String.fromCharCode('66', null, undefined, true)",
    'String.fromCharCode(0xD83D, 0xDE00)',
    'String.fromCharCode({ valueOf() { return 72 } }, 105)',
    'String.fromCodePoint()',
    'String.fromCodePoint(65, 0x1F600, 0x10FFFF)',
    "String.fromCodePoint('65')",
    'String.fromCodePoint(-1)',
    'String.fromCodePoint(1.5)',
    'String.fromCodePoint(0x110000)',
    'String.fromCodePoint(NaN)',
    'String.fromCodePoint(Infinity)',
    'String.fromCodePoint(undefined)',
    'String.fromCodePoint({ valueOf() { return 97 } })',
    'String.raw`a\\nb${1 + 1}c\\u0041`',
    'String.raw`${1}${2}`',
    'String.raw`plain`',
    "String.raw({ raw: ['x', 'y', 'z'] }, 1, 2, 3, 4)",
    "String.raw({ raw: 'abc' }, '-', '+')",
    "String.raw({ raw: [] }, 1)",
    "String.raw({ raw: { length: 2, 0: 'p', 1: 'q' } }, { toString() { return 'S' } })",
    'String.raw()',
    'String.raw({})',
    'String.raw.length + String.fromCharCode.length + String.fromCodePoint.length',
    "String.raw({ raw: ['a', 'b'] }, 1, 2)",
    "String.raw({ raw: { length: -1 } })",
  ]);
});

describe('String.prototype access and char methods', () => {
  const cases: string[] = [];
  for (const s of SAMPLES) {
    for (const n of ['undefined', '0', '1', '-1', '2', '-2', '5', 'NaN', '1.9', 'Infinity', "'1'"]) {
      cases.push(`[${q(s)}.at(${n}), ${q(s)}.charAt(${n}), ${q(s)}.charCodeAt(${n}), ${q(s)}.codePointAt(${n})]`);
    }
  }
  table(cases);
  table([
    "'abc'.at()",
    "'abc'.at(-4)",
    "'abc'.at({ valueOf() { return 1 } })",
    "String.prototype.at.call(123, -1)",
    "String.prototype.at.call(null, 0)",
    "String.prototype.charAt.call(undefined)",
    "~String.prototype.charAt.call(Symbol(), 0)",
    "String.prototype.charAt.call({ toString() { return 'obj' } }, 1)",
    "String.prototype.codePointAt.call(true, 0)",
    "'abc'.at.length + 'x'.charAt.length",
  ]);
});

describe('String.prototype search methods', () => {
  const cases: string[] = [];
  const hay = ['', 'abcabc', 'aaa', 'a😀a😀', 'hello world'];
  const needles = ['', 'a', 'bc', 'abc', 'x', '😀', '\ud83d', 'aa', 'o w'];
  for (const h of hay) {
    for (const n of needles) {
      for (const p of ['', ', 1', ', -5', ', 4', ', 100', ', NaN', ', Infinity', ', undefined']) {
        cases.push(`[${q(h)}.indexOf(${q(n)}${p}), ${q(h)}.lastIndexOf(${q(n)}${p}), ${q(h)}.includes(${q(n)}${p}), ${q(h)}.startsWith(${q(n)}${p}), ${q(h)}.endsWith(${q(n)}${p})]`);
      }
    }
  }
  table(cases);
  table([
    "'abc'.indexOf()",
    "'undefined'.indexOf()",
    "'a null b'.indexOf(null)",
    "'x1y'.indexOf(1)",
    "'abc'.includes()",
    "'undefinedx'.startsWith()",
    "'abc'.includes(/b/)",
    "'abc'.startsWith(/a/)",
    "'abc'.endsWith(/c/)",
    "const re = /b/; re[Symbol.match] = false; 'a/b/c'.includes(re)",
    "'abc'.includes({ [Symbol.match]: true })",
    "'[object Object]'.includes({})",
    "'abc'.includes({ toString() { return 'bc' } })",
    "'abcabc'.lastIndexOf('c', -1)",
    "'abcabc'.lastIndexOf('a', 0)",
    "'abcabc'.lastIndexOf('', 2)",
    "'abcabc'.lastIndexOf('abc', '3')",
    "'abc'.endsWith('b', 2)",
    "'abc'.endsWith('abc', 2)",
    "'abc'.startsWith('', 3)",
    "'abc'.startsWith('', 4)",
    "String.prototype.includes.call(12345, 34)",
    "String.prototype.indexOf.call(undefined, 'a')",
  ]);
});

describe('String.prototype slicing', () => {
  const cases: string[] = [];
  for (const s of ['', 'abcdef', 'a😀b']) {
    for (const a of ['', '0', '1', '-1', '-2', '3', '10', '-10', 'NaN', '1.5', 'Infinity', '-Infinity', 'undefined', 'null', "'2'"]) {
      for (const b of ['', ', 0', ', 2', ', -1', ', 10', ', -10', ', NaN', ', undefined', ', Infinity', ', 1.9']) {
        cases.push(`[${q(s)}.slice(${a}${b}), ${q(s)}.substring(${a}${b}), ${q(s)}.substr(${a}${b})]`);
      }
    }
  }
  table(cases);
  table([
    "'abc'.slice.length + 'abc'.substring.length + 'abc'.substr.length",
    "String.prototype.slice.call(12345, 1, 3)",
    "String.prototype.substring.call(null)",
    "'abcdef'.substr(-3, 2)",
    "'abcdef'.substring(4, 1)",
    "'abcdef'.slice({ valueOf() { return 2 } }, { valueOf() { return 4 } })",
  ]);
});

describe('String.prototype pad / repeat / concat / trim', () => {
  const cases: string[] = [];
  for (const s of ['', 'abc', '😀']) {
    for (const n of NUMS) {
      for (const f of ['', ", ''", ", '-'", ", 'xyz'", ', undefined', ', 0', ", '😀'", ', null']) {
        cases.push(`[${q(s)}.padStart(${n}${f}), ${q(s)}.padEnd(${n}${f})]`);
      }
    }
  }
  table(cases);
  const rep: string[] = [];
  for (const s of ['', 'ab', '😀']) for (const n of NUMS) rep.push(`${q(s)}.repeat(${n})`);
  table(rep);
  table([
    "'abc'.repeat(-0.5)",
    "'abc'.repeat(2 ** 30)",
    "''.repeat(2 ** 40)",
    "'ab'.repeat(-Infinity)",
    "'ab'.repeat({ valueOf() { return 2 } })",
    "'x'.padStart(2 ** 30)",
    "'x'.padEnd(5, { toString() { return 'ab' } })",
    "'a'.concat()",
    "'a'.concat('b', 1, null, undefined, true, [2, 3], {})",
    "~'a'.concat(Symbol())",
    "String.prototype.concat.call(1, 2)",
    "'a'.concat({ toString() { return 'X' } }, 'Y')",
    "'a'.concat.length",
  ]);
  const ws = ['\\t', '\\n', '\\v', '\\f', '\\r', ' ', '\\u00a0', '\\u1680', '\\u2000', '\\u200a', '\\u2028', '\\u2029', '\\u202f', '\\u205f', '\\u3000', '\\ufeff', '\\u200b', '\\u180e'];
  const trims: string[] = [];
  for (const w of ws) trims.push(`['${w}x${w}'.trim(), '${w}x${w}'.trimStart(), '${w}x${w}'.trimEnd(), '${w}x${w}'.trimLeft(), '${w}x${w}'.trimRight()]`);
  table(trims);
  table([
    "String.prototype.trimLeft === String.prototype.trimStart",
    "String.prototype.trimRight === String.prototype.trimEnd",
    "String.prototype.trimStart.name + String.prototype.trimLeft.name",
    "String.prototype.trim.call(null)",
    "String.prototype.trim.call(12)",
  ]);
});

describe('String.prototype case, normalize, compare, well-formedness', () => {
  const cases: string[] = [];
  for (const s of [...SAMPLES, 'ǅ', 'ΣΑΣ', 'ŉ', 'ﬃ', 'Ǳ', 'i̇', 'Ω', 'K', 'ſ', 'ΐ']) {
    cases.push(`[${q(s)}.toUpperCase(), ${q(s)}.toLowerCase(), ${q(s)}.toLocaleUpperCase(), ${q(s)}.toLocaleLowerCase(), ${q(s)}.toLocaleUpperCase('en-US')]`);
    cases.push(`[${q(s)}.normalize(), ${q(s)}.normalize('NFD'), ${q(s)}.normalize('NFKC'), ${q(s)}.normalize('NFKD')]`);
    cases.push(`[${q(s)}.isWellFormed(), ${q(s)}.toWellFormed()]`);
  }
  table(cases);
  table([
    "'a'.normalize('nfc')",
    "'a'.normalize(null)",
    "'a'.normalize(undefined)",
    "'\\u1E9B\\u0323'.normalize('NFKC')",
    "['\\ud800', '\\udc00', '\\ud800\\udc00', 'a\\ud800b', '\\udc00\\ud800'].map(s => [s.isWellFormed(), s.toWellFormed()])",
    "const L = ['b', 'a', 'B', 'A', 'ä', 'z', 'Z', '10', '9', '_', ' ', 'é', 'e', 'E', 'résumé', 'resume', ''];\nL.map(x => L.map(y => x.localeCompare(y)))",
    "['item10', 'item9', 'Item1', 'item1'].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))",
    "['a', 'A', 'á', 'b'].map(x => ['a', 'A', 'á'].map(y => x.localeCompare(y, 'en', { sensitivity: 'base' })))",
    "['a', 'A'].map(x => x.localeCompare('A', 'en-US', { caseFirst: 'upper' }))",
    "'a'.localeCompare()",
    "'undefined'.localeCompare()",
    "'a'.localeCompare('b', ['en-US'])",
    "~'a'.localeCompare('b', 'en', { sensitivity: 'bogus' })",
    "'a'.localeCompare.length",
    "'I'.toLocaleLowerCase('en')",
  ]);
});

describe('guest conversions (toString / valueOf / Symbol.toPrimitive run as guest code)', () => {
  table([
    "class S extends String { toString() { return 'zz' } }; [new S('ab').toUpperCase(), new S('ab').length, new S('ab') + '', String(new S('ab'))]",
    "const o = { toString() { return 'Hello' } }; [String.prototype.toUpperCase.call(o), String.prototype.at.call(o, -1), String.prototype.split.call(o, 'l'), String.prototype.replace.call(o, 'l', 'L')]",
    "const log = []; const o = (n, v) => ({ toString() { log.push(n); return v } }); 'abcabc'.indexOf(o('s', 'c'), { valueOf() { log.push('p'); return 3 } }); log",
    "const log = []; const t = { toString() { log.push('this'); return 'a-b' } }; String.prototype.split.call(t, { toString() { log.push('sep'); return '-' } }); log",
    "'abc'.padStart({ valueOf() { return 6 } }, { toString() { return '*' } })",
    "'abc'.slice({ [Symbol.toPrimitive](h) { return h === 'number' ? 1 : 0 } })",
    "String.fromCharCode({ valueOf() { return 0x41 } }, { [Symbol.toPrimitive]() { return 66 } })",
    "'x'.concat({ [Symbol.toPrimitive](h) { return h } })",
    "~'x'.concat({ toString() { return {} }, valueOf() { return {} } })",
    "'x'.concat({ toString() { throw new Error('from toString') } })",
    "String.prototype.trim.call({ toString() { return '  t  ' } })",
    "new RegExp({ toString() { return 'a+' } }, { toString() { return 'g' } }).exec('baa')[0]",
    "/b/.exec({ toString() { return 'abc' } }).index",
    "'abc'.replace(/b/, { toString() { return '[$&]' } })",
    "'a1b2'.split(/\\d/, { valueOf() { return 2 } })",
    "String.raw({ raw: ['a', 'b', 'c'] }, { toString() { return 'X' } }, { toString() { return 'Y' } })",
  ]);
});

describe('Annex B HTML methods', () => {
  const cases: string[] = [];
  for (const m of ['anchor', 'big', 'blink', 'bold', 'fixed', 'fontcolor', 'fontsize', 'italics', 'link', 'small', 'strike', 'sub', 'sup']) {
    cases.push(`['x'.${m}(), 'a"b'.${m}('q"u"o'), ''.${m}(1), String.prototype.${m}.length, String.prototype.${m}.name]`);
    cases.push(`String.prototype.${m}.call(null)`);
  }
  table(cases);
});

describe('String.prototype toString / valueOf / iteration', () => {
  table([
    "'abc'.toString()",
    "String.prototype.toString.call(new String('w'))",
    "String.prototype.toString.call(1)",
    "String.prototype.valueOf.call({})",
    "String.prototype.valueOf.call(Object('x'))",
    "[...'a😀b\\ud800']",
    "const out = []; for (const ch of 'x😀') out.push(ch); out",
    "Array.from('héllo')",
    "'abc'.length + new String('😀').length",
    "const s = 'abc'; [s[0], s[5], s['1'], s.length]",
    "Object.getOwnPropertyNames(String.prototype).includes('replaceAll')",
    "typeof String.prototype.split",
    "String.prototype.constructor === String",
  ]);
});

describe('String.prototype.split with string separators', () => {
  const cases: string[] = [];
  const inputs = ['', 'a', 'a,b,c', ',a,,b,', 'a😀b😀', 'aaa', 'abcabc', 'test'];
  const seps = ['undefined', "''", "','", "'a'", "'aa'", "'😀'", "'\\ud83d'", "'abc'", "'test'", "'z'", 'null', '1'];
  for (const s of inputs) {
    for (const sep of seps) {
      for (const lim of ['', ', 0', ', 1', ', 2', ', -1', ', undefined', ', 4294967297', ', NaN', ", '2'"]) {
        cases.push(`${q(s)}.split(${sep}${lim})`);
      }
    }
  }
  table(cases);
  table([
    "'a1b1c'.split(1)",
    "'anullb'.split(null)",
    "'a-b'.split({ toString() { return '-' } })",
    "'a,b,c'.split(',', { valueOf() { return 2 } })",
    "'a,b'.split({ [Symbol.split](s, lim) { return ['custom', s, lim] } }, 3)",
    "String.prototype.split.call(12321, 2)",
    "String.prototype.split.call(undefined, ',')",
    "'abc'.split({ [Symbol.split]: 1 })",
    "'abc'.split({ [Symbol.split]: 'x' })",
    "'abc'.split({ [Symbol.split]: {} })",
    "'abc'.split({ [Symbol.split]: null })",
  ]);
});
