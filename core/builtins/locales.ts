/**
 * The `locales` argument of the locale-sensitive built-ins, read as CanonicalizeLocaleList
 * reads it. Its own module (no installer): String imports it without loading Intl's, whose
 * import of Number would register Number's installer before the globals it aliases.
 */
import { JSObject } from '../objects';
import { HOLE, type Value } from '../value';
import type { VM } from '../vm/interpreter';
import { GuestError } from '../vm/throw';
import { toLength, toString } from './util';

const LOCALE_SHAPE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * The tags of a `locales` argument, read as CanonicalizeLocaleList reads them: a string, or
 * an array-like whose present elements are strings or objects (converted with ToString);
 * each must be a well-formed tag (V8's RangeError otherwise).
 */
export function localeTags(vm: VM, locales: Value): string[] {
  if (locales === undefined) return [];
  if (typeof locales === 'string') return [wellFormedTag(locales)];
  if (locales === null) throw new GuestError('TypeError', 'Cannot convert undefined or null to object');
  if (!(locales instanceof JSObject)) return []; // a number or boolean: a wrapper without elements
  const tags: string[] = [];
  const len = toLength(vm, vm.get(locales, 'length'));
  for (let i = 0; i < Math.min(len, 1000); i++) {
    const key = String(i);
    vm.chargeWork(1);
    if (vm.lookup(locales, key) === HOLE) continue;
    const l = vm.get(locales, key);
    if (typeof l !== 'string' && !(l instanceof JSObject)) throw new GuestError('TypeError', 'Language ID should be string or object.');
    tags.push(wellFormedTag(typeof l === 'string' ? l : toString(vm, l)));
  }
  return tags;
}

function wellFormedTag(tag: string): string {
  if (!LOCALE_SHAPE.test(tag)) throw new GuestError('RangeError', 'Incorrect locale information provided');
  return tag;
}

