/** Exhaustive cross-checks of the derived Unicode tables against the host engine. */
import { describe, expect, it } from 'vitest';
import { has } from '../../../core/regex/charset';
import { caseEquivalents, propertySet } from '../../../core/regex/unicode';

const hex = (c: number): string => c.toString(16).padStart(4, '0');

function checkCaseClasses(limit: number, flags: string, unicode: boolean): string[] {
  const bad: string[] = [];
  for (let c = 0; c < limit; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCodePoint(c);
    const eq = caseEquivalents(c, unicode);
    // Only characters with some case mapping can have equivalents.
    if (eq.length === 1 && ch.toUpperCase() === ch && ch.toLowerCase() === ch) continue;
    const probe = new RegExp(unicode ? `^\\u{${hex(c)}}$` : `^\\u${hex(c)}$`, flags);
    for (const m of eq) if (!probe.test(String.fromCodePoint(m))) bad.push(`${hex(c)} !~ ${hex(m)}`);
    const candidates = new Set<string>([ch.toUpperCase(), ch.toLowerCase(), ch.toUpperCase().toLowerCase()]);
    for (const cand of candidates) {
      if ([...cand].length !== 1) continue;
      const m = cand.codePointAt(0)!;
      if (probe.test(cand) && !eq.includes(m)) bad.push(`${hex(c)} ~ ${hex(m)} missing`);
    }
    if (bad.length > 20) break;
  }
  return bad;
}

describe('case folding tables agree with the host', () => {
  it('non-unicode Canonicalize (all code units)', () => {
    expect(checkCaseClasses(0x10000, 'i', false)).toEqual([]);
  });
  it('unicode simple case folding (planes 0-1)', () => {
    expect(checkCaseClasses(0x20000, 'iu', true)).toEqual([]);
  });
});

describe('property sets agree with the host', () => {
  const props: [string, string | undefined][] = [
    ['L', undefined],
    ['Lu', undefined],
    ['Nd', undefined],
    ['P', undefined],
    ['Script', 'Greek'],
    ['sc', 'Han'],
    ['scx', 'Latn'],
    ['General_Category', 'Symbol'],
    ['Alphabetic', undefined],
    ['Any', undefined],
    ['ASCII', undefined],
    ['Assigned', undefined],
  ];
  for (const [name, value] of props) {
    it(`\\p{${value === undefined ? name : `${name}=${value}`}}`, () => {
      const key = value === undefined ? name : `${name}=${value}`;
      const set = propertySet(name, value)!;
      expect(set).not.toBeNull();
      const host = new RegExp(`^\\p{${key}}$`, 'u');
      const bad: number[] = [];
      for (let c = 0; c <= 0x10ffff; c += c < 0x20000 ? 1 : 97) {
        if (host.test(String.fromCodePoint(c)) !== has(set, c)) bad.push(c);
        if (bad.length > 10) break;
      }
      expect(bad).toEqual([]);
    });
  }
  it('unknown properties are rejected', () => {
    expect(propertySet('Foo', undefined)).toBeNull();
    expect(propertySet('Script', 'Foo')).toBeNull();
    expect(propertySet('lu', undefined)).toBeNull();
  });
});
