/**
 * Guest values. Primitives are host primitives (number, string, boolean, undefined,
 * null, bigint); symbols are {@link GSymbol}; everything else is a {@link JSObject}
 * (see objects.ts). Guest values never reference host objects.
 */
import type { JSObject } from './objects';

/** A guest symbol. Identity is the object; `id` is stable for serialization. */
export class GSymbol {
  constructor(
    readonly description: string | undefined,
    /** Registry key for `Symbol.for`, or the well-known name (`Symbol.iterator`). */
    readonly key: string | undefined = undefined,
    readonly wellKnown = false,
  ) {}
}

/** A `#name` of one class evaluation: a property key no reflection can see. */
export class PrivateName {
  /**
   * For a private method or accessor: the name of the class that declares it (`anonymous` for a
   * nameless class expression) and whether it is static. V8 words a failed brand check with
   * them ("Receiver must be an instance of class A"); fields have none.
   */
  brandClass: string | null = null;
  brandStatic = false;
  constructor(readonly description: string) {}
}

export type PropertyKey = string | GSymbol | PrivateName;

export type Value = undefined | null | boolean | number | string | bigint | GSymbol | JSObject;

/** Internal markers; never visible to guest code. */
export class Marker {
  constructor(readonly name: string) {}
}
/** An array hole. */
export const HOLE = new Marker('hole');
/** An uninitialized let/const/class binding (temporal dead zone). */
export const TDZ = new Marker('tdz');

export const WELL_KNOWN = {
  iterator: new GSymbol('Symbol.iterator', 'iterator', true),
  asyncIterator: new GSymbol('Symbol.asyncIterator', 'asyncIterator', true),
  hasInstance: new GSymbol('Symbol.hasInstance', 'hasInstance', true),
  toPrimitive: new GSymbol('Symbol.toPrimitive', 'toPrimitive', true),
  toStringTag: new GSymbol('Symbol.toStringTag', 'toStringTag', true),
  species: new GSymbol('Symbol.species', 'species', true),
  isConcatSpreadable: new GSymbol('Symbol.isConcatSpreadable', 'isConcatSpreadable', true),
  unscopables: new GSymbol('Symbol.unscopables', 'unscopables', true),
  match: new GSymbol('Symbol.match', 'match', true),
  matchAll: new GSymbol('Symbol.matchAll', 'matchAll', true),
  replace: new GSymbol('Symbol.replace', 'replace', true),
  search: new GSymbol('Symbol.search', 'search', true),
  split: new GSymbol('Symbol.split', 'split', true),
} as const;

/** True for canonical array-index strings ("0", "17", not "01" or "-1"). */
export function isArrayIndex(key: string): boolean {
  const n = key.length;
  if (n === 0 || n > 10) return false;
  const c0 = key.charCodeAt(0);
  if (c0 === 48) return n === 1;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return +key < 4294967295;
}
