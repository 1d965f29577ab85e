/**
 * RegExp: the constructor, the prototype (exec, test, toString, the flag getters and the
 * Symbol.match/matchAll/replace/search/split methods) and RegExp String Iterators, all
 * on Capsule's own budgeted engine (see regexp-exec.ts). The host's RegExp never sees a
 * guest pattern.
 *
 * Not supported (a clear TypeError instead): RegExp objects whose `exec` is replaced
 * (subclasses overriding exec, own `exec` properties) reaching the Symbol methods, and
 * the Symbol methods called on objects that are not RegExps. `test` does call a
 * user-defined `exec`, as in the spec.
 */
import { IterKind, JSArray, JSIterator, JSObject, JSRegExp, NativeFunction, isCallable } from '../objects';
import { Attr } from '../shape';
import { GSymbol, WELL_KNOWN, type Value } from '../value';
import { Cont } from '../vm/frame';
import type { VM } from '../vm/interpreter';
import type { PUSHED } from '../vm/natives';
import { primToString, toBoolean, toUint32 } from '../vm/ops';
import { registerInstaller } from '../vm/realm';
import { GuestError } from '../vm/throw';
import {
  advance,
  builtinExec,
  compiledOf,
  compilePattern,
  createRegExp,
  execResult,
  getLastIndex,
  isUnicode,
  rawLastIndex,
  regexpMatch,
  regexpSearch,
  regexpSplit,
  replaceCalls,
  replaceWithTemplate,
  setLastIndex,
} from './regexp-exec';
import { convertArgs, primOrHole, slowCall } from './string-prelude';
import { receiverText, toNumber, toString } from './util';
import { HOLE } from '../value';
import { escapeRegexSource } from '../regex/index';

/** Native id of RegExp.prototype.exec (the same in every realm). */
let execId = -1;

/** IsRegExp. */
export function isRegExp(vm: VM, v: Value): boolean {
  if (!(v instanceof JSObject)) return false;
  const m = vm.get(v, WELL_KNOWN.match);
  if (m !== undefined) return toBoolean(m);
  return v instanceof JSRegExp;
}

/** True when `re`'s `exec` is the built-in one (so the engine can run it directly). */
export function hasBuiltinExec(vm: VM, re: JSObject): boolean {
  const f = vm.lookup(re, 'exec');
  return f instanceof NativeFunction && f.nativeId === execId;
}

function regexpThis(vm: VM, t: Value, method: string): JSRegExp {
  if (!(t instanceof JSObject)) {
    throw new GuestError('TypeError', `Method RegExp.prototype.${method} called on incompatible receiver ${receiverText(vm, t)}`);
  }
  if (!(t instanceof JSRegExp) || !hasBuiltinExec(vm, t)) {
    if (isCallable(vm.get(t, 'exec'))) {
      throw new GuestError('TypeError', `RegExp.prototype.${method}: objects with a user-defined exec method are not supported`);
    }
    if (method === '@@split' || method === '@@matchAll') {
      // the spec builds a RegExp from this object's flags first (V8 reports those)
      const flags = toString(vm, vm.get(t, 'flags')) + (method === '@@split' ? 'y' : '');
      compilePattern(null, '', flags);
    }
    throw new GuestError('TypeError', `Method RegExp.prototype.exec called on incompatible receiver ${receiverText(vm, t)}`);
  }
  return t;
}

/**
 * True when `lastIndex` holds an object whose conversion runs guest code: the caller
 * then lets the prelude convert it first (see regexpLastIndexSlow).
 */
function lastIndexNeedsGuest(vm: VM, re: JSObject): boolean {
  const v = rawLastIndex(vm, re);
  return v instanceof JSObject && vm.toPrimitiveNative(v, 'number') === HOLE;
}

function lastIndexSlow(vm: VM, self: NativeFunction, re: JSObject, args: Value[]): Value | typeof PUSHED {
  return vm.pushCall(vm.realm.prelude.regexpLastIndexSlow, undefined, [self, re, vm.newArray(args)], Cont.Normal);
}

/** A fresh regex with the same pattern (matchAll's matcher), keeping the prototype. */
export function cloneRegExp(vm: VM, re: JSRegExp, flags: string): JSRegExp {
  const c = compiledOf(re);
  return createRegExp(vm, re.proto ?? vm.realm.RegExpPrototype, c.source, flags);
}

/** CreateRegExpStringIterator. */
export function regexpStringIterator(vm: VM, matcher: JSRegExp, s: string, global: boolean, unicode: boolean): JSIterator {
  vm.charge(48);
  const it = new JSIterator(vm.realm.RegExpStringIteratorPrototype, vm.newArray([matcher, s, global, unicode]), IterKind.Values);
  it.shape = vm.realm.rootShape(vm.realm.RegExpStringIteratorPrototype);
  return it;
}

/** RegExp.prototype[@@matchAll] on a built-in regex. */
export function regexpMatchAll(vm: VM, re: JSRegExp, s: string): JSIterator {
  const flags = re.flags;
  const matcher = cloneRegExp(vm, re, flags);
  setLastIndex(vm, matcher, getLastIndex(vm, re));
  return regexpStringIterator(vm, matcher, s, flags.includes('g'), isUnicode(flags));
}

/** RegExp.prototype[@@replace] on a built-in regex (function replacers go to the prelude). */
export function regexpReplace(vm: VM, re: JSRegExp, s: string, replaceValue: Value): Value | typeof PUSHED {
  if (isCallable(replaceValue)) {
    const r = replaceCalls(vm, re, s);
    if (r === null) return s;
    return vm.pushCall(vm.realm.prelude.strReplaceCalls, undefined, [replaceValue, vm.newArray(r.calls), vm.newArray(r.pieces)], Cont.Normal);
  }
  const template = typeof replaceValue === 'string' ? replaceValue : toString(vm, replaceValue);
  return replaceWithTemplate(vm, re, s, template);
}

const FLAG_PROPS: [string, string][] = [
  ['d', 'hasIndices'],
  ['g', 'global'],
  ['i', 'ignoreCase'],
  ['m', 'multiline'],
  ['s', 'dotAll'],
  ['u', 'unicode'],
  ['v', 'unicodeSets'],
  ['y', 'sticky'],
];

registerInstaller((r) => {
  r.regexSteps = 0;
  const RP = r.RegExpPrototype;

  r.internal('regexpCreate', 3, (vm, _t, a) => createRegExp(vm, a[2] as JSObject, a[0] as string, a[1] as string));

  const C = r.ctor('RegExp', 2, (vm, _t, a, nt, self) => {
    const pattern = a[0];
    const flags = a[1];
    const patternIsRegExp = isRegExp(vm, pattern);
    if (nt === undefined && patternIsRegExp && flags === undefined) {
      const ctor = vm.get(pattern, 'constructor');
      if (ctor === self) return pattern;
    }
    let P: Value;
    let F: Value;
    if (pattern instanceof JSRegExp) {
      P = compiledOf(pattern).source;
      F = flags === undefined ? pattern.flags : flags;
    } else if (patternIsRegExp) {
      P = vm.get(pattern, 'source');
      F = flags === undefined ? vm.get(pattern, 'flags') : flags;
    } else {
      P = pattern;
      F = flags;
    }
    let proto: JSObject = vm.realm.RegExpPrototype;
    if (nt instanceof JSObject && nt !== self) {
      const p = vm.get(nt, 'prototype');
      if (p instanceof JSObject) proto = p;
    }
    // the pattern converts completely (a Symbol throws) before the flags do
    const pp = P === undefined ? '' : primOrHole(vm, P, 'string');
    const ps = pp === HOLE ? '' : primToString(pp as Value);
    const fp = pp === HOLE || F === undefined ? '' : primOrHole(vm, F, 'string');
    if (pp === HOLE || fp === HOLE) {
      return vm.pushCall(vm.realm.prelude.regexpCtorSlow, undefined, [P, F, proto], Cont.Normal);
    }
    return createRegExp(vm, proto, ps, primToString(fp as Value));
  }, RP);
  r.getter(C, WELL_KNOWN.species, (_vm, t) => t);

  r.regexpFactory = (vm, source, flags) => createRegExp(vm, vm.realm.RegExpPrototype, source, flags);

  // ---- exec / test / toString --------------------------------------------------------

  const exec = r.method(RP, 'exec', 1, (vm, t, a, _nt, self) => {
    if (!(t instanceof JSRegExp)) {
      throw new GuestError('TypeError', `Method RegExp.prototype.exec called on incompatible receiver ${receiverText(vm, t)}`);
    }
    const args = convertArgs(vm, a, 's');
    if (args === null) return slowCall(vm, self, t, a, 's', true);
    if (lastIndexNeedsGuest(vm, t)) return lastIndexSlow(vm, self, t, args);
    const s = toString(vm, args[0]);
    const m = builtinExec(vm, t, s);
    return m === null ? null : execResult(vm, t, s, m);
  });
  execId = exec.nativeId;

  r.method(RP, 'test', 1, (vm, t, a, _nt, self) => {
    if (!(t instanceof JSObject)) {
      // (V8 names the receiver "undefined" here whatever it is)
      throw new GuestError('TypeError', 'Method RegExp.prototype.test called on incompatible receiver undefined');
    }
    const args = convertArgs(vm, a, 's');
    if (args === null) return slowCall(vm, self, t, a, 's', true);
    const s = toString(vm, args[0]);
    if (t instanceof JSRegExp && hasBuiltinExec(vm, t)) {
      if (lastIndexNeedsGuest(vm, t)) return lastIndexSlow(vm, self, t, args);
      return builtinExec(vm, t, s) !== null;
    }
    // RegExpExec with a user-defined exec
    const f = vm.get(t, 'exec');
    if (isCallable(f)) return vm.pushCall(vm.realm.prelude.regexpTestSlow, undefined, [f, t, s], Cont.Normal);
    if (!(t instanceof JSRegExp)) {
      throw new GuestError('TypeError', `Method RegExp.prototype.exec called on incompatible receiver ${receiverText(vm, t)}`);
    }
    return builtinExec(vm, t, s) !== null;
  });

  r.method(RP, 'toString', 0, (vm, t) => {
    if (!(t instanceof JSObject)) {
      throw new GuestError('TypeError', `Method RegExp.prototype.toString called on incompatible receiver ${receiverText(vm, t)}`);
    }
    return `/${toString(vm, vm.get(t, 'source'))}/${toString(vm, vm.get(t, 'flags'))}`;
  });

  // Annex B: re-initializes the receiver in place (pattern, flags, engine program) and sets
  // lastIndex to 0 — after the new pattern is in place, as V8 does, so a read-only lastIndex
  // throws with the regex already changed
  r.method(RP, 'compile', 2, (vm, t, a, _nt, self) => {
    if (!(t instanceof JSRegExp)) {
      throw new GuestError('TypeError', `Method RegExp.prototype.compile called on incompatible receiver ${receiverText(vm, t)}`);
    }
    const pattern = a[0];
    let P: string;
    let F: string;
    if (pattern instanceof JSRegExp) {
      if (a[1] !== undefined) throw new GuestError('TypeError', 'Cannot supply flags when constructing one RegExp from another');
      P = compiledOf(pattern).source;
      F = pattern.flags;
    } else {
      const args = convertArgs(vm, [pattern, a[1]], 'ss');
      if (args === null) return slowCall(vm, self, t, [pattern, a[1]], 'ss', true);
      P = args[0] === undefined ? '' : primToString(args[0]);
      F = args[1] === undefined ? '' : primToString(args[1]);
    }
    const c = compilePattern(vm, P, F);
    vm.charge(P.length * 2);
    t.source = escapeRegexSource(P);
    t.flags = c.flags;
    t.compiled = c;
    setLastIndex(vm, t, 0);
    return t;
  });

  // ---- accessors --------------------------------------------------------------------------

  r.getter(RP, 'source', (vm, t) => {
    if (t instanceof JSRegExp) return t.source;
    if (t === vm.realm.RegExpPrototype) return '(?:)';
    throw new GuestError('TypeError', 'RegExp.prototype.source getter called on non-RegExp object');
  });
  r.getter(RP, 'flags', (vm, t) => {
    if (!(t instanceof JSObject)) {
      throw new GuestError('TypeError', `RegExp.prototype.flags getter called on non-object ${receiverText(vm, t)}`);
    }
    let out = '';
    for (const [ch, name] of FLAG_PROPS) if (toBoolean(vm.get(t, name))) out += ch;
    return out;
  });
  for (const [ch, name] of FLAG_PROPS) {
    r.getter(RP, name, (vm, t) => {
      if (t instanceof JSRegExp) return t.flags.includes(ch);
      if (t === vm.realm.RegExpPrototype) return undefined;
      throw new GuestError('TypeError', `RegExp.prototype.${name} getter called on non-RegExp object`);
    });
  }

  // ---- Symbol methods ------------------------------------------------------------------------

  /**
   * A Symbol method on a built-in regex: argument conversions (the prelude runs guest
   * ones), and `lastIndex` converted first when it holds an object with guest methods
   * and the algorithm reads it.
   */
  const symbolMethod = (
    sym: GSymbol,
    length: number,
    hints: string,
    readsLastIndex: (re: JSRegExp) => boolean,
    body: (vm: VM, re: JSRegExp, s: string, arg: Value) => Value | typeof PUSHED,
  ): void => {
    const name = `@@${sym.key}`;
    r.method(RP, sym, length, (vm, t, a, _nt, self) => {
      const re = regexpThis(vm, t, name);
      const args = convertArgs(vm, a, hints);
      if (args === null) return slowCall(vm, self, t, a, hints, true);
      if (readsLastIndex(re) && lastIndexNeedsGuest(vm, re)) return lastIndexSlow(vm, self, re, args);
      return body(vm, re, toString(vm, args[0]), args[1]);
    });
  };
  const nonGlobal = (re: JSRegExp) => !re.flags.includes('g');
  symbolMethod(WELL_KNOWN.match, 1, 's', nonGlobal, (vm, re, s) => regexpMatch(vm, re, s));
  symbolMethod(WELL_KNOWN.matchAll, 1, 's', () => true, (vm, re, s) => regexpMatchAll(vm, re, s));
  symbolMethod(WELL_KNOWN.replace, 2, 'sr', nonGlobal, (vm, re, s, rep) => regexpReplace(vm, re, s, rep));
  symbolMethod(WELL_KNOWN.search, 1, 's', () => false, (vm, re, s) => regexpSearch(vm, re, s));
  symbolMethod(WELL_KNOWN.split, 2, 'sn', () => false, (vm, re, s, lim) =>
    regexpSplit(vm, re, s, lim === undefined ? 2 ** 32 - 1 : toUint32(toNumber(vm, lim))),
  );

  // ---- RegExp String Iterator ------------------------------------------------------------------

  const RSIP = r.RegExpStringIteratorPrototype;
  r.method(RSIP, 'next', 0, (vm, t) => {
    const target = t instanceof JSIterator ? t.target : undefined;
    if (!(t instanceof JSIterator) || t.proto !== vm.realm.RegExpStringIteratorPrototype || !(target instanceof JSArray)) {
      throw new GuestError('TypeError', `Method %RegExpStringIterator%.prototype.next called on incompatible receiver ${receiverText(vm, t)}`);
    }
    if (t.done) return vm.iterResult(undefined, true);
    const [R, S, global, unicode] = target.elements as [JSRegExp, string, boolean, boolean];
    const m = builtinExec(vm, R, S);
    if (m === null) {
      t.done = true;
      return vm.iterResult(undefined, true);
    }
    const res = execResult(vm, R, S, m);
    if (global) {
      if (m.end === m.index) setLastIndex(vm, R, advance(S, getLastIndex(vm, R), unicode));
    } else t.done = true;
    return vm.iterResult(res, false);
  });
  RSIP.defineOwn(WELL_KNOWN.toStringTag, 'RegExp String Iterator', Attr.Configurable);
});
