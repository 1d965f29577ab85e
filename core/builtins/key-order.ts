/**
 * V8's order of the own keys of built-in objects, where reflection
 * (`Object.getOwnPropertyNames`, `Object.getOwnPropertySymbols`, `Reflect`-free listings of
 * prototypes and constructors) shows it. Each installer defines its properties in whatever
 * order reads best; this finisher runs once every built-in, self-hosted ones included, is in
 * place, and reorders to the lists below (Node 20's V8; a key core lacks is skipped, one V8 lacks
 * — ES2024's `groupBy`, `withResolvers` — keeps its place after the listed ones).
 * String, Map, Set, Number, BigInt, Date and Intl order their own in their installers.
 */
import { JSObject } from '../objects';
import { WELL_KNOWN, type PropertyKey } from '../value';
import { registerFinisher, type Realm } from '../vm/realm';
import { reorderProperties } from './convert';

const W = WELL_KNOWN;

function globalCtor(r: Realm, name: string): JSObject {
  const i = r.globalObject.shape.index.get(name);
  const c = i === undefined ? undefined : r.globalObject.getSlot(i);
  if (!(c instanceof JSObject)) throw new Error(`internal: global ${name} missing`);
  return c;
}

registerFinisher((r) => {
  const orders: [JSObject, readonly PropertyKey[]][] = [
    [r.FunctionPrototype, ['length', 'name', 'arguments', 'caller', 'constructor', 'apply', 'bind', 'call', 'toString', W.hasInstance]],
    [
      r.ArrayPrototype,
      [
        'length', 'constructor', 'at', 'concat', 'copyWithin', 'fill', 'find', 'findIndex', 'findLast', 'findLastIndex', 'lastIndexOf',
        'pop', 'push', 'reverse', 'shift', 'unshift', 'slice', 'sort', 'splice', 'includes', 'indexOf', 'join', 'keys', 'entries',
        'values', 'forEach', 'filter', 'flat', 'flatMap', 'map', 'every', 'some', 'reduce', 'reduceRight', 'toLocaleString',
        'toString', 'toReversed', 'toSorted', 'toSpliced', 'with', W.iterator, W.unscopables,
      ],
    ],
    [r.SymbolPrototype, ['constructor', 'toString', 'valueOf', 'description', W.toStringTag, W.toPrimitive]],
    [
      r.RegExpPrototype,
      [
        'constructor', 'exec', 'dotAll', 'flags', 'global', 'hasIndices', 'ignoreCase', 'multiline', 'source', 'sticky', 'unicode',
        'compile', 'toString', 'test', 'unicodeSets', W.match, W.matchAll, W.replace, W.search, W.split,
      ],
    ],
    [r.GeneratorPrototype, ['constructor', 'next', 'return', 'throw', W.toStringTag]],
    [
      globalCtor(r, 'Object'),
      [
        'length', 'name', 'prototype', 'assign', 'getOwnPropertyDescriptor', 'getOwnPropertyDescriptors', 'getOwnPropertyNames',
        'getOwnPropertySymbols', 'hasOwn', 'is', 'preventExtensions', 'seal', 'create', 'defineProperties', 'defineProperty', 'freeze',
        'getPrototypeOf', 'setPrototypeOf', 'isExtensible', 'isFrozen', 'isSealed', 'keys', 'entries', 'fromEntries', 'values',
      ],
    ],
    [globalCtor(r, 'Array'), ['length', 'name', 'prototype', 'isArray', 'from', 'of', W.species]],
    [globalCtor(r, 'Promise'), ['length', 'name', 'prototype', 'all', 'allSettled', 'any', 'race', 'resolve', 'reject', W.species]],
  ];
  for (const [o, order] of orders) reorderProperties(o, order);
});
