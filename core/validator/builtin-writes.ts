/**
 * Static detection of writes to built-in objects and prototype changes.
 *
 * This is a best-effort syntactic check over the obvious spellings (`Array.prototype.x = f`,
 * `Math.random = f`, `Object.defineProperty(Array.prototype, ...)`, `o.__proto__`). Aliases
 * (`const P = Array.prototype; P.x = f`) and computed keys are not tracked: the run-time
 * backstop is that built-in objects and prototypes are frozen, so such writes throw a
 * TypeError in the guest instead of leaking between runs.
 */
import type { ESTree } from '../parse';
import { BUILTIN_GLOBALS, PRIMITIVE_GLOBALS } from '../globals';

/** Tells whether a name is bound by the program at the current point (i.e. shadows a global). */
export type IsLocal = (name: string) => boolean;

/** The property name of `o.p`, `o['p']`, `o[0]` or `` o[`p`] ``, when it is static. */
export function staticPropertyName(member: ESTree.MemberExpression): string | undefined {
  const p = member.property;
  if (!member.computed) return p.type === 'Identifier' ? p.name : undefined;
  if (p.type === 'Literal' && (typeof p.value === 'string' || typeof p.value === 'number')) return String(p.value);
  if (p.type === 'TemplateLiteral' && p.expressions.length === 0) return p.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * The global an expression statically denotes: a free identifier (`Object`), or a static
 * member of the global object (`globalThis.Object`, `globalThis['eval']`).
 */
export function staticGlobalName(expr: ESTree.Node, isLocal: IsLocal): string | undefined {
  if (expr.type === 'Identifier') return isLocal(expr.name) ? undefined : expr.name;
  if (expr.type === 'MemberExpression' && staticGlobalName(expr.object, isLocal) === 'globalThis') return staticPropertyName(expr);
  return undefined;
}

/** The built-in object a member chain starts from (`Array` for `Array.prototype.x`), if any. */
export function builtinRoot(target: ESTree.Node, isLocal: IsLocal): string | undefined {
  let base: ESTree.Node = target;
  while (base.type === 'MemberExpression') base = base.object;
  if (base.type !== 'Identifier' || isLocal(base.name)) return undefined;
  return BUILTIN_GLOBALS.has(base.name) && !PRIMITIVE_GLOBALS.has(base.name) ? base.name : undefined;
}

/** Message for a write (assignment, update, delete) to `text`, a member chain rooted at `root`. */
export function builtinWriteMessage(text: string, root: string): string {
  if (root === 'globalThis') {
    return `'${text}' cannot be modified: Capsule does not allow adding or changing properties of the global object. Declare a top-level variable (let/const) instead.`;
  }
  if (/\bprototype\b/.test(text)) {
    return `'${text}' cannot be modified: built-in prototypes are frozen in Capsule. Write a helper function that takes the value as a parameter, or a subclass, instead.`;
  }
  return `'${text}' cannot be modified: built-in objects are frozen in Capsule. Use your own object or function instead.`;
}

/** Message for reassigning a built-in global binding (`Object = ...`). */
export function builtinRebindMessage(name: string): string {
  return `'${name}' is a built-in global and cannot be reassigned. Declare a local variable with a different name.`;
}

/** `Object.*` functions that write to their first argument. */
export const OBJECT_WRITERS: ReadonlySet<string> = new Set(['defineProperty', 'defineProperties', 'assign']);

/** Message for `Object.defineProperty(<built-in>, ...)` and friends. */
export function builtinDefineMessage(fn: string, text: string): string {
  return `Object.${fn} cannot modify '${text}': built-in objects and prototypes are frozen in Capsule. Use your own object instead.`;
}

export const SET_PROTOTYPE_MESSAGE =
  'Object.setPrototypeOf is not supported: prototypes cannot be changed after an object is created. Create the object with Object.create(proto), or use a class with extends.';

export const PROTO_ACCESS_MESSAGE =
  "'__proto__' is not supported. Use Object.getPrototypeOf(obj) to read a prototype, and Object.create(proto) or a class with extends to set one.";

/** Annex B accessor helpers on Object.prototype. */
export const LEGACY_ACCESSORS: ReadonlySet<string> = new Set(['__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

/** Annex B's legacy static properties of RegExp (V8 has them; Capsule keeps no global match state). */
export const LEGACY_REGEXP_STATICS: ReadonlySet<string> = new Set([
  'input', '$_', 'lastMatch', '$&', 'lastParen', '$+', 'leftContext', '$`', 'rightContext', "$'",
  '$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9',
]);

export function legacyRegExpStaticMessage(name: string): string {
  return `RegExp.${name} is a legacy API and is not supported: Capsule keeps no global state of the last match. Read the match result instead (the array from exec() or match(), its index and groups).`;
}

export function legacyAccessorMessage(name: string): string {
  return `'${name}' is a legacy API and is not supported. Define accessors with get/set in an object literal or class, and inspect them with Object.getOwnPropertyDescriptor.`;
}
