/** Prelude: conversions and protocol helpers the interpreter's slow paths call. */
import type { PreludeModule } from './index';

export const CORE_PRELUDE: PreludeModule = {
  exports: ['binary', 'unary', 'toPrimitive', 'elemKey', 'elemGet', 'elemSet', 'elemHas', 'elemDelete', 'spreadInto', 'copyDataProperties', 'getIterator', 'asyncFromSyncIterator', 'hasInstance', 'callMethod'],
  source: String.raw`
function toPrimitive(v, hint) {
  if (!$.isObject(v)) return v;
  const ex = v[Symbol.toPrimitive];
  if (ex !== undefined && ex !== null) {
    if (typeof ex !== 'function') throw new TypeError('Symbol.toPrimitive is not a function');
    const r = $.call(ex, v, hint);
    if ($.isObject(r)) throw new TypeError('Cannot convert object to primitive value');
    return r;
  }
  const first = hint === 'string' ? 'toString' : 'valueOf';
  const second = hint === 'string' ? 'valueOf' : 'toString';
  let f = v[first];
  if (typeof f === 'function') {
    const r = $.call(f, v);
    if (!$.isObject(r)) return r;
  }
  f = v[second];
  if (typeof f === 'function') {
    const r = $.call(f, v);
    if (!$.isObject(r)) return r;
  }
  throw new TypeError('Cannot convert object to primitive value');
}
// an object used as a property key whose conversion is script code (the interpreter's slow paths)
function elemKey(k) {
  const p = toPrimitive(k, 'string');
  return typeof p === 'symbol' ? p : '' + p;
}
function elemGet(o, k) {
  if (o === null || o === undefined) throw new TypeError('Cannot read properties of ' + o);
  return o[elemKey(k)];
}
function elemSet(o, k, v) {
  if (o === null || o === undefined) throw new TypeError('Cannot set properties of ' + o);
  o[elemKey(k)] = v;
  return v;
}
function elemHas(k, o) {
  return elemKey(k) in o;
}
function elemDelete(o, k) {
  return delete o[elemKey(k)];
}
function binary(op, a, b, kind, arith) {
  if (kind === 'eq') {
    if ($.isObject(a)) a = toPrimitive(a, 'default');
    else b = toPrimitive(b, 'default');
  } else {
    a = toPrimitive(a, kind);
    // (arithmetic: V8 converts the left side to a number before it converts the right one)
    if (arith && typeof a === 'symbol') throw new TypeError('Cannot convert a Symbol value to a number');
    b = toPrimitive(b, kind);
  }
  return $.primitiveBinary(op, a, b);
}
function unary(op, a, hint) {
  return $.primitiveUnary(op, toPrimitive(a, hint));
}
function spreadInto(target, iterable) {
  for (const v of iterable) $.arrayPush(target, v);
}
function copyDataProperties(target, src, excluded) {
  const keys = $.ownKeys(src);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (excluded !== null && $.arrayIncludes(excluded, k)) continue;
    if ($.isEnumerable(src, k)) $.defineData(target, k, src[k]);
  }
}
function getIterator(obj, method, isAsync) {
  const it = $.call(method, obj);
  if (!$.isObject(it)) throw new TypeError(isAsync ? 'Result of the Symbol.asyncIterator method is not an object' : 'Result of the Symbol.iterator method is not an object');
  return [it, it.next];
}
// CreateAsyncFromSyncIterator (ES2024 27.1.4), for yield* over a sync iterable in an async
// generator: each result's value is awaited through Promise.resolve(value).then(...), exactly
// the spec's jobs, and an abrupt step becomes a rejected promise. [wrapper, wrapper.next].
function asyncFromSyncIterator(it, next) {
  function forward(name, v) {
    try {
      const m = name === null ? next : it[name];
      if (name !== null && (m === undefined || m === null)) {
        return name === 'throw' ? Promise.reject(v) : Promise.resolve({ value: v, done: true });
      }
      const result = $.iterResult($.call(m, it, v));
      const done = !!result.done;
      return Promise.resolve(result.value).then((x) => ({ value: x, done }));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  const w = {
    next(v) { return forward(null, v); },
    throw(v) { return forward('throw', v); },
    return(v) { return forward('return', v); },
  };
  return [w, w.next];
}
function hasInstance(h, target, v) {
  return !!$.call(h, target, v);
}
function callMethod(obj, name, args) {
  return $.apply(obj[name], obj, args);
}
`,
};
