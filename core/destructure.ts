/**
 * V8's wording when a destructuring pattern cannot take its value. V8 words it by where the
 * value came from, which only the compiler knows, so the compiler writes that into the
 * `ThrowIfNotObject` operand ({@link destructureCheck}) and the VM words the message from it
 * ({@link cannotDestructure}):
 *
 * - a declaration or an assignment (`const {x} = o.a`): `Cannot destructure property 'x' of 'o.a' as it is undefined.`
 *   (the value's expression as V8's CallPrinter writes it; without a first property name,
 *   `Cannot destructure 'o.a' as it is undefined.`);
 * - a parameter: the value's type (`'undefined'`, `'object null'`), or V8's desugared default
 *   (`(intermediate value)` three times) when the parameter has one;
 * - a catch parameter or a for-of declaration: V8's internal variable, `.catch` or `.for`;
 * - a nested pattern, a for-of assignment target, or a first property with a default of its
 *   own: the plain property read, `Cannot read properties of null (reading 'x')`.
 *
 * Array patterns (`GetIterator`, which has no operand) are worded by the VM from the span the
 * compiler gives that instruction; the pieces it shares are here ({@link typeText},
 * {@link notIterableTyped}, {@link memberNotIterable}).
 */

import { isCallable } from './objects';
import { GSymbol, type Value } from './value';

/** Where a top-level pattern's value comes from; `nested` for everything else. */
export type DestructureSite = 'value' | 'param' | 'param=' | 'catch' | 'for' | 'nested';

const SITES: readonly DestructureSite[] = ['value', 'param', 'param=', 'catch', 'for', 'nested'];

/** What a compiled `ThrowIfNotObject` says about its pattern. */
export interface DestructureCheck {
  site: DestructureSite;
  /** The first property's name when it is not computed (V8 names it), else null. */
  key: string | null;
  /** The first property has a default (`{ x = 1 }`): V8 then reports the plain read. */
  read: boolean;
}

const PREFIX = 'destructure:';

/**
 * The `ThrowIfNotObject` operand (a string constant) for an object pattern: `destructure:` +
 * site + `:` + `r` when `read` + `:` + `=` and the key when there is one (last: it may hold
 * colons), e.g. `destructure:value::=x`, `destructure:nested::`.
 */
export function destructureCheck(site: DestructureSite, key: string | null, read: boolean): string {
  return `${PREFIX}${site}:${read ? 'r' : ''}:${key === null ? '' : `=${key}`}`;
}

/** Reads a {@link destructureCheck} operand; null for another (or an older program's plain `destructure`). */
export function readDestructureCheck(operand: unknown): DestructureCheck | null {
  if (typeof operand !== 'string' || !operand.startsWith(PREFIX)) return null;
  const rest = operand.slice(PREFIX.length);
  const a = rest.indexOf(':');
  const b = a < 0 ? -1 : rest.indexOf(':', a + 1);
  if (b < 0) return null;
  const site = rest.slice(0, a) as DestructureSite;
  if (!SITES.includes(site)) return null;
  const tail = rest.slice(b + 1);
  return { site, read: rest.slice(a + 1, b) === 'r', key: tail.startsWith('=') ? tail.slice(1) : null };
}

const INTERMEDIATE3 = '(intermediate value)(intermediate value)(intermediate value)';

/**
 * The TypeError message for destructuring `v` (null or undefined) at `check`. `printed` is the
 * value's expression as V8 writes it (for the `value` site; null when it printed nothing).
 */
export function cannotDestructure(check: DestructureCheck, v: null | undefined, printed: string | null): string {
  const is = v === null ? 'null' : 'undefined';
  const { site, key } = check;
  if (site === 'nested' || (check.read && key !== null)) {
    return key === null ? `Cannot read properties of ${is}` : `Cannot read properties of ${is} (reading '${key}')`;
  }
  const callSite =
    site === 'catch' ? '.catch' : site === 'for' ? '.for' : site === 'param=' ? INTERMEDIATE3 : site === 'value' && printed ? printed : v === null ? 'object null' : 'undefined';
  return key === null ? `Cannot destructure '${callSite}' as it is ${is}.` : `Cannot destructure property '${key}' of '${callSite}' as it is ${is}.`;
}

/**
 * V8's message for an array pattern that is a property of a top-level object pattern
 * (`const { x: [y] } = o`): named by its owner — the initializer as printed, or `.catch`/`.for`.
 */
export function memberNotIterable(owner: string, v: Value): string {
  return v === null || v === undefined
    ? `Cannot destructure property 'Symbol(Symbol.iterator)' of '${owner}' as it is ${v}.`
    : notIterableTyped(owner);
}

/** V8's message when an array pattern's value is not iterable and no source text is printed. */
export function notIterableTyped(typeText: string): string {
  return `${typeText} is not iterable (cannot read property Symbol(Symbol.iterator))`;
}

/**
 * V8's short description of a value in "X is not a function/iterable" messages
 * (BuildDefaultCallSite): its `typeof`, with the value itself for null, booleans, numbers and strings.
 */
export function typeText(v: Value): string {
  switch (typeof v) {
    case 'undefined':
      return 'undefined';
    case 'number':
      return `number ${String(v)}`;
    case 'boolean':
      return `boolean ${v}`;
    case 'string':
      return `string "${v}"`;
    case 'bigint':
      return 'bigint';
  }
  if (v === null) return 'object null';
  if (v instanceof GSymbol) return 'symbol';
  return isCallable(v) ? 'function' : 'object';
}
