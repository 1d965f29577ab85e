/**
 * The self-hosted half of Array (see array.ts): everything that calls guest code.
 *
 * Plain arrays take the native driver of array-iter.ts (arrayDrive); other receivers take the
 * generic loops here: plain indexed `for` loops with no per-element allocation. A callback is called
 * directly (`fn(v, i, o)`, so its `this` is undefined); with a `thisArg` it is first bound
 * natively ($.arrayBindThis), which keeps one loop per method. Holes are skipped with the
 * cheap test `v !== undefined || i in o`. Comparator sorts drive a native merge-sort state
 * machine one comparison at a time (array.ts, sortStep).
 */
import { addPreludeModule } from '../prelude/index';

export const ARRAY_PRELUDE_LOADED = true;

addPreludeModule({
  exports: [
    'arrayEvery',
    'arrayFilter',
    'arrayFind',
    'arrayFindIndex',
    'arrayFindLast',
    'arrayFindLastIndex',
    'arrayFlatMap',
    'arrayForEach',
    'arrayMap',
    'arrayReduce',
    'arrayReduceRight',
    'arraySome',
    'arrayToLocaleString',
    'arrayJoinSlow',
    'arraySortWith',
    'arraySortGeneric',
    'arrayFrom',
    'arrayOfWith',
    'arraySpeciesFrom',
    'arrayNumArgsSlow',
    'arrayLikeSlice',
    'arrayLikeIndexOf',
    'arrayLikeLastIndexOf',
    'arrayLikeIncludes',
    'arrayLikeAt',
  ],
  source: String.raw`
function arrayLengthOf(o) {
  const n = o.length;
  if (typeof n === 'number' && n >= 0 && n <= 4294967295 && n === (n >>> 0)) return n;
  return arrayToLength(n);
}
function arrayLikeInt(v) {
  const n = +v;
  return n !== n ? 0 : n === Infinity || n === -Infinity ? n : n - n % 1;
}
// where a forward search from fromIndex n starts
function arrayLikeFrom(n, len) {
  return n >= 0 ? n : len + n > 0 ? len + n : 0;
}
function arrayLikeRel(v, len, dflt) {
  if (v === undefined) return dflt;
  const n = arrayLikeInt(v);
  return n < 0 ? (n + len < 0 ? 0 : n + len) : n > len ? len : n;
}
function arrayLikeSlice(start, end) {
  const o = $.arrayThis(this, 'slice');
  const len = arrayLengthOf(o);
  let k = arrayLikeRel(start, len, 0);
  const fin = arrayLikeRel(end, len, len);
  const a = arraySpeciesCreate(o, fin > k ? fin - k : 0);
  let n = 0;
  for (; k < fin; k++, n++) if (k in o) $.defineData(a, n, o[k]);
  a.length = n;
  return a;
}
function arrayLikeIndexOf(search, ...rest) {
  const o = $.arrayThis(this, 'indexOf');
  const len = arrayLengthOf(o);
  if (len === 0) return -1;
  const n = arrayLikeInt(rest[0]);
  if (n === Infinity) return -1;
  for (let k = arrayLikeFrom(n, len); k < len; k++) if (k in o && o[k] === search) return k;
  return -1;
}
function arrayLikeLastIndexOf(search, ...rest) {
  const o = $.arrayThis(this, 'lastIndexOf');
  const len = arrayLengthOf(o);
  if (len === 0) return -1;
  const n = rest.length > 0 ? arrayLikeInt(rest[0]) : len - 1;
  if (n === -Infinity) return -1;
  for (let k = n >= 0 ? (n < len - 1 ? n : len - 1) : len + n; k >= 0; k--) if (k in o && o[k] === search) return k;
  return -1;
}
function arrayLikeIncludes(search, ...rest) {
  const o = $.arrayThis(this, 'includes');
  const len = arrayLengthOf(o);
  if (len === 0) return false;
  const n = arrayLikeInt(rest[0]);
  if (n === Infinity) return false;
  for (let k = arrayLikeFrom(n, len); k < len; k++) {
    const v = o[k];
    if (v === search || (v !== v && search !== search)) return true;
  }
  return false;
}
function arrayLikeAt(index) {
  const o = $.arrayThis(this, 'at');
  const len = arrayLengthOf(o);
  const rel = arrayLikeInt(index);
  const k = rel >= 0 ? rel : len + rel;
  return k < 0 || k >= len ? undefined : o[k];
}
function arrayNumArgsSlow(f, t, args, hints, emptyShortcut, name) {
  const len = arrayLengthOf(t);
  if (emptyShortcut && len === 0) return $.apply(f, t, []);
  const conv = [];
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    if (i < hints.length && hints[i] === 'n' && $.isObject(a)) a = +a;
    $.arrayPush(conv, a);
  }
  if (arrayLengthOf(t) !== len) throw new TypeError('Array.prototype.' + name + ': the length changed while the arguments were converted (not supported in Capsule)');
  if (name === 'with') {
    // V8 prints the index argument as given, not its number
    const rel = arrayLikeInt(conv[0]);
    const k = rel >= 0 ? rel : len + rel;
    if (!(k >= 0 && k < len)) throw new RangeError('Invalid index : ' + $.describeValue(args[0]));
  }
  return $.apply(f, t, conv);
}
function arrayToLength(v) {
  const n = +v;
  if (!(n > 0)) return 0;
  if (n > 9007199254740991) return 9007199254740991;
  return n - n % 1;
}
function arraySpeciesCreate(o, n) {
  if ($.arrayPlainSpecies(o)) return $.arrayCreate(n);
  let C = o.constructor;
  if ($.isObject(C)) {
    C = C[Symbol.species];
    if (C === null) C = undefined;
  }
  if (C === undefined) return $.arrayCreate(n);
  if (!$.arrayIsConstructor(C)) throw new TypeError('object.constructor[Symbol.species] is not a constructor');
  return new C(n);
}
function arrayDrive(st) {
  const step = $.arrayIterStep;
  let r;
  while ((r = step(st, r)) !== st) {}
  return st[8];
}
function arraySpeciesFrom(o, res) {
  const n = res.length;
  const A = arraySpeciesCreate(o, n);
  for (let k = 0; k < n; ++k) if (k in res) $.defineData(A, k, res[k]);
  A.length = n;
  return A;
}
function arrayForEach(fn, thisArg = undefined) {
  const o = $.arrayThis(this, 'forEach');
  const len = arrayLengthOf(o);
  if (typeof fn !== 'function') $.arrayNotFn(fn);
  if (thisArg !== undefined) fn = $.arrayBindThis(fn, thisArg);
  const st = $.arrayIterStart(o, fn, len, 0);
  if (st !== null) return arrayDrive(st);
  let v;
  for (let i = 0; i < len; ++i) {
    v = o[i];
    if (v !== undefined || i in o) fn(v, i, o);
  }
}
function arrayMap(fn, thisArg = undefined) {
  const o = $.arrayThis(this, 'map');
  const len = arrayLengthOf(o);
  if (typeof fn !== 'function') $.arrayNotFn(fn);
  if (thisArg !== undefined) fn = $.arrayBindThis(fn, thisArg);
  const st = $.arrayIterStart(o, fn, len, 1);
  if (st !== null) return arrayDrive(st);
  const a = arraySpeciesCreate(o, len);
  let v;
  for (let i = 0; i < len; ++i) {
    v = o[i];
    if (v !== undefined || i in o) a[i] = fn(v, i, o);
  }
  return a;
}
function arrayFilter(fn, thisArg = undefined) {
  const o = $.arrayThis(this, 'filter');
  const len = arrayLengthOf(o);
  if (typeof fn !== 'function') $.arrayNotFn(fn);
  if (thisArg !== undefined) fn = $.arrayBindThis(fn, thisArg);
  const st = $.arrayIterStart(o, fn, len, 2);
  if (st !== null) return arrayDrive(st);
  const a = arraySpeciesCreate(o, 0);
  let k = 0;
  let v;
  for (let i = 0; i < len; ++i) {
    v = o[i];
    if ((v !== undefined || i in o) && fn(v, i, o)) {
      a[k] = v;
      ++k;
    }
  }
  return a;
}
function arrayEvery(fn, thisArg = undefined) {
  const o = $.arrayThis(this, 'every');
  const len = arrayLengthOf(o);
  if (typeof fn !== 'function') $.arrayNotFn(fn);
  if (thisArg !== undefined) fn = $.arrayBindThis(fn, thisArg);
  const st = $.arrayIterStart(o, fn, len, 4);
  if (st !== null) return arrayDrive(st);
  let v;
  for (let i = 0; i < len; ++i) {
    v = o[i];
    if ((v !== undefined || i in o) && !fn(v, i, o)) return false;
  }
  return true;
}
function arraySome(fn, thisArg = undefined) {
  const o = $.arrayThis(this, 'some');
  const len = arrayLengthOf(o);
  if (typeof fn !== 'function') $.arrayNotFn(fn);
  if (thisArg !== undefined) fn = $.arrayBindThis(fn, thisArg);
  const st = $.arrayIterStart(o, fn, len, 3);
  if (st !== null) return arrayDrive(st);
  let v;
  for (let i = 0; i < len; ++i) {
    v = o[i];
    if ((v !== undefined || i in o) && fn(v, i, o)) return true;
  }
  return false;
}
function arrayFind(fn, thisArg = undefined) {
  const o = $.arrayThis(this, 'find');
  const len = arrayLengthOf(o);
  if (typeof fn !== 'function') $.arrayNotFn(fn);
  if (thisArg !== undefined) fn = $.arrayBindThis(fn, thisArg);
  const st = $.arrayIterStart(o, fn, len, 5);
  if (st !== null) return arrayDrive(st);
  let v;
  for (let i = 0; i < len; ++i) {
    v = o[i];
    if (fn(v, i, o)) return v;
  }
  return undefined;
}
function arrayFindIndex(fn, thisArg = undefined) {
  const o = $.arrayThis(this, 'findIndex');
  const len = arrayLengthOf(o);
  if (typeof fn !== 'function') $.arrayNotFn(fn);
  if (thisArg !== undefined) fn = $.arrayBindThis(fn, thisArg);
  const st = $.arrayIterStart(o, fn, len, 6);
  if (st !== null) return arrayDrive(st);
  for (let i = 0; i < len; ++i) {
    if (fn(o[i], i, o)) return i;
  }
  return -1;
}
function arrayFindLast(fn, thisArg = undefined) {
  const o = $.arrayThis(this, 'findLast');
  const len = arrayLengthOf(o);
  if (typeof fn !== 'function') $.arrayNotFn(fn);
  if (thisArg !== undefined) fn = $.arrayBindThis(fn, thisArg);
  const st = $.arrayIterStart(o, fn, len, 7);
  if (st !== null) return arrayDrive(st);
  let v;
  for (let i = len - 1; i >= 0; --i) {
    v = o[i];
    if (fn(v, i, o)) return v;
  }
  return undefined;
}
function arrayFindLastIndex(fn, thisArg = undefined) {
  const o = $.arrayThis(this, 'findLastIndex');
  const len = arrayLengthOf(o);
  if (typeof fn !== 'function') $.arrayNotFn(fn);
  if (thisArg !== undefined) fn = $.arrayBindThis(fn, thisArg);
  const st = $.arrayIterStart(o, fn, len, 8);
  if (st !== null) return arrayDrive(st);
  for (let i = len - 1; i >= 0; --i) {
    if (fn(o[i], i, o)) return i;
  }
  return -1;
}
function arrayReduce(fn, ...init) {
  const o = $.arrayThis(this, 'reduce');
  const len = arrayLengthOf(o);
  if (typeof fn !== 'function') $.arrayNotFn(fn);
  const st = $.arrayIterStart(o, fn, len, 9, ...init);
  if (st !== null) return arrayDrive(st);
  let i = 0;
  let acc;
  if (init.length > 0) acc = init[0];
  else {
    let found = false;
    while (i < len) {
      const v = o[i];
      i++;
      if (v !== undefined || (i - 1) in o) {
        acc = v;
        found = true;
        break;
      }
    }
    if (!found) throw new TypeError('Reduce of empty array with no initial value');
  }
  let v;
  for (; i < len; ++i) {
    v = o[i];
    if (v !== undefined || i in o) acc = fn(acc, v, i, o);
  }
  return acc;
}
function arrayReduceRight(fn, ...init) {
  const o = $.arrayThis(this, 'reduceRight');
  const len = arrayLengthOf(o);
  if (typeof fn !== 'function') $.arrayNotFn(fn);
  const st = $.arrayIterStart(o, fn, len, 10, ...init);
  if (st !== null) return arrayDrive(st);
  let i = len - 1;
  let acc;
  if (init.length > 0) acc = init[0];
  else {
    let found = false;
    while (i >= 0) {
      const v = o[i];
      i--;
      if (v !== undefined || (i + 1) in o) {
        acc = v;
        found = true;
        break;
      }
    }
    if (!found) throw new TypeError('Reduce of empty array with no initial value');
  }
  let v;
  for (; i >= 0; --i) {
    v = o[i];
    if (v !== undefined || i in o) acc = fn(acc, v, i, o);
  }
  return acc;
}
function arrayFlatMap(fn, thisArg = undefined) {
  const o = $.arrayThis(this, 'flatMap');
  const len = arrayLengthOf(o);
  if (typeof fn !== 'function') throw new TypeError('flatMap mapper function is not callable');
  if (thisArg !== undefined) fn = $.arrayBindThis(fn, thisArg);
  const a = arraySpeciesCreate(o, 0);
  let k = 0;
  let v;
  for (let i = 0; i < len; ++i) {
    v = o[i];
    if (v !== undefined || i in o) {
      const r = fn(v, i, o);
      if ($.arrayIsArray(r)) k = $.arrayAppend(a, r, k);
      else a[k++] = r;
    }
  }
  return a;
}
function arrayToLocaleString(...args) {
  const o = $.arrayThis(this, 'toLocaleString');
  const len = arrayLengthOf(o);
  if ($.arrayJoinEnter(o)) return '';
  try {
    let s = '';
    for (let i = 0; i < len; ++i) {
      if (i > 0) s += ',';
      const v = o[i];
      if (v !== undefined && v !== null) s += ` + '`${v.toLocaleString(...args)}`' + String.raw`;
    }
    return s;
  } finally {
    $.arrayJoinExit(o);
  }
}
function arrayJoinSlow(sep) {
  const o = $.arrayThis(this, 'join');
  const len = arrayLengthOf(o);
  sep = sep === undefined ? ',' : ` + '`${sep}`' + String.raw`;
  if ($.arrayJoinEnter(o)) return '';
  try {
    let s = '';
    for (let i = 0; i < len; ++i) {
      if (i > 0) s += sep;
      const v = o[i];
      if (v !== undefined && v !== null) s += ` + '`${v}`' + String.raw`;
    }
    return s;
  } finally {
    $.arrayJoinExit(o);
  }
}
function arrayDefaultCompare(x, y) {
  const a = ` + '`${x}`' + String.raw`;
  const b = ` + '`${y}`' + String.raw`;
  return a < b ? -1 : a > b ? 1 : 0;
}
function arrayMergeSort(items, cmp) {
  const st = $.arraySortStart(items);
  const step = $.arraySortStep;
  let r = 0;
  while ((r = step(st, +r, cmp)) !== st) {}
  return st[2];
}
function arraySortWith(cmp) {
  const o = this;
  const len = o.length;
  const c = $.arraySortCollect(o);
  const sorted = arrayMergeSort(c[0], cmp === undefined ? arrayDefaultCompare : cmp);
  $.arraySortWriteBack(o, sorted, c[1], len);
  return o;
}
function arraySortGeneric(cmp) {
  const o = this;
  const len = arrayLengthOf(o);
  const items = [];
  let n = 0;
  let undefs = 0;
  for (let i = 0; i < len; ++i) {
    if (i in o) {
      const v = o[i];
      if (v === undefined) undefs++;
      else items[n++] = v;
    }
  }
  const sorted = arrayMergeSort(items, cmp === undefined ? arrayDefaultCompare : cmp);
  let k = 0;
  for (; k < n; ++k) o[k] = sorted[k];
  for (let u = 0; u < undefs; u++) o[k++] = undefined;
  for (; k < len; ++k) delete o[k];
  return o;
}
function arrayFrom(items, mapFn = undefined, thisArg = undefined) {
  const C = this;
  const mapping = mapFn !== undefined;
  if (mapping) {
    if (typeof mapFn !== 'function') $.arrayNotFn(mapFn);
    if (thisArg !== undefined) mapFn = $.arrayBindThis(mapFn, thisArg);
  }
  const useCtor = C !== Array && $.arrayIsConstructor(C);
  if (items === null || items === undefined) {
    throw new TypeError((items === null ? 'object null' : 'undefined') + ' is not iterable (cannot read property Symbol(Symbol.iterator))');
  }
  const usingIterator = items[Symbol.iterator];
  if (usingIterator !== undefined && usingIterator !== null) {
    if (typeof usingIterator !== 'function') {
      throw new TypeError('%Array%.from requires that the property of the first argument, items[Symbol.iterator], when exists, be a function');
    }
    let k = 0;
    if (useCtor) {
      const A = new C();
      for (const v of items) {
        $.defineData(A, k, mapping ? mapFn(v, k) : v);
        k++;
      }
      A.length = k;
      return A;
    }
    const A = [];
    if (mapping) {
      for (const v of items) {
        A[k] = mapFn(v, k);
        k++;
      }
    } else {
      for (const v of items) A[k++] = v;
    }
    return A;
  }
  const src = $.arrayThis(items, 'from');
  const len = arrayLengthOf(src);
  if (useCtor) {
    const A = new C(len);
    for (let k = 0; k < len; ++k) {
      const v = src[k];
      $.defineData(A, k, mapping ? mapFn(v, k) : v);
    }
    A.length = len;
    return A;
  }
  const A = $.arrayCreate(len);
  if (mapping) {
    for (let k = 0; k < len; ++k) A[k] = mapFn(src[k], k);
  } else {
    for (let k = 0; k < len; ++k) A[k] = src[k];
  }
  return A;
}
function arrayOfWith(items) {
  const C = this;
  const len = items.length;
  const A = new C(len);
  for (let k = 0; k < len; ++k) $.defineData(A, k, items[k]);
  A.length = len;
  return A;
}
`,
});
