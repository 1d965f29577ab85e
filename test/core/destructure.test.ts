/**
 * The destructuring-site operand the compiler writes and the VM reads (core/destructure.ts), and
 * the messages it words. (The differential corpus checks the messages against V8 end to end.)
 */
import { describe, expect, it } from 'vitest';
import { cannotDestructure, destructureCheck, memberNotIterable, readDestructureCheck, type DestructureSite } from '../../core/destructure';

describe('destructuring sites', () => {
  it('round-trips every site, with and without a key, keys holding the separators', () => {
    const sites: DestructureSite[] = ['value', 'param', 'param=', 'catch', 'for', 'nested'];
    for (const site of sites) {
      for (const key of [null, 'x', '', 'a:b', '=x', 'a b', '1.5']) {
        for (const read of [false, true]) {
          expect(readDestructureCheck(destructureCheck(site, key, read))).toEqual({ site, key, read });
        }
      }
    }
  });

  it('reads an older program\'s plain operand, and anything malformed, as no site', () => {
    for (const operand of ['destructure', 'destructure:', 'destructure:value', 'destructure:bogus::=x', 42, null, undefined]) {
      expect(readDestructureCheck(operand)).toBeNull();
    }
  });

  it('words each site as V8 does', () => {
    const at = (site: DestructureSite, key: string | null, read = false) => ({ site, key, read });
    expect(cannotDestructure(at('value', 'x'), undefined, 'o.a')).toBe("Cannot destructure property 'x' of 'o.a' as it is undefined.");
    expect(cannotDestructure(at('value', null), null, null)).toBe("Cannot destructure 'object null' as it is null.");
    expect(cannotDestructure(at('param', 'b'), null, null)).toBe("Cannot destructure property 'b' of 'object null' as it is null.");
    expect(cannotDestructure(at('param=', 'b'), undefined, null)).toBe("Cannot destructure property 'b' of '(intermediate value)(intermediate value)(intermediate value)' as it is undefined.");
    expect(cannotDestructure(at('catch', null), null, null)).toBe("Cannot destructure '.catch' as it is null.");
    expect(cannotDestructure(at('for', 'a'), null, null)).toBe("Cannot destructure property 'a' of '.for' as it is null.");
    expect(cannotDestructure(at('nested', 'x'), null, null)).toBe("Cannot read properties of null (reading 'x')");
    expect(cannotDestructure(at('nested', null), undefined, null)).toBe('Cannot read properties of undefined');
    expect(cannotDestructure(at('value', 'x', true), undefined, 'o.a')).toBe("Cannot read properties of undefined (reading 'x')");
    expect(memberNotIterable('o', undefined)).toBe("Cannot destructure property 'Symbol(Symbol.iterator)' of 'o' as it is undefined.");
    expect(memberNotIterable('.for', 1)).toBe('.for is not iterable (cannot read property Symbol(Symbol.iterator))');
  });
});
