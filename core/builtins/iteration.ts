/** Iterator prototypes, array/string iterators and generator objects. */
import { Cls, IterKind, JSArray, JSGenerator, JSIterator, JSObject } from '../objects';
import { Attr } from '../shape';
import { HOLE, WELL_KNOWN, type Value } from '../value';
import { Cont } from '../vm/frame';
import { HOLE_DONE, setPrototype } from '../vm/interpreter';
import { PUSHED } from '../vm/natives';
import { builtinIterStepImpl, registerInstaller } from '../vm/realm';
import { GuestError } from '../vm/throw';
import { receiverText, toLength, toObject, toString } from './util';

registerInstaller((r) => {
  r.method(r.IteratorPrototype, WELL_KNOWN.iterator, 0, (_vm, t) => t);
  r.method(r.AsyncIteratorPrototype, WELL_KNOWN.asyncIterator, 0, (_vm, t) => t);

  const iterNext = (proto: JSObject, tag: string) => {
    const f = r.method(proto, 'next', 0, (vm, t) => {
      if (!(t instanceof JSIterator) || t.proto !== proto) throw new GuestError('TypeError', `Method ${tag}.prototype.next called on incompatible receiver ${receiverText(vm, t)}`);
      const v = builtinIterStepImpl(vm.realm, t);
      return v === HOLE ? vm.iterResult(undefined, true) : vm.iterResult(v as Value, false);
    });
    proto.defineOwn(WELL_KNOWN.toStringTag, tag, Attr.Configurable);
    r.builtinIterNexts.add(f);
    return f;
  };
  r.arrayIterNext = iterNext(r.ArrayIteratorPrototype, 'Array Iterator');
  r.stringIterNext = iterNext(r.StringIteratorPrototype, 'String Iterator');
  iterNext(r.MapIteratorPrototype, 'Map Iterator');
  iterNext(r.SetIteratorPrototype, 'Set Iterator');

  const AP = r.ArrayPrototype;
  const arrayIter = (kind: IterKind) => (vm: Parameters<Parameters<typeof r.method>[3]>[0], t: Value) => {
    const o = toObject(vm, t);
    vm.charge(48);
    return new JSIterator(vm.realm.ArrayIteratorPrototype, o, kind);
  };
  // an array-like: `length` and the elements read at each step, as V8 does (a script getter is
  // refused there, as in the other generic paths of built-ins)
  r.arrayLikeStep = (vm, it) => {
    const o = it.target as JSObject;
    if (it.pos >= toLength(vm, vm.get(o, 'length'))) {
      it.done = true;
      return HOLE;
    }
    const i = it.pos++;
    if (it.kind === IterKind.Keys) return i;
    const v = vm.get(o, String(i));
    return it.kind === IterKind.Values ? v : vm.newArray([i, v]);
  };
  const values = r.method(AP, 'values', 0, arrayIter(IterKind.Values));
  AP.defineOwn(WELL_KNOWN.iterator, values, Attr.Hidden);
  r.method(AP, 'keys', 0, arrayIter(IterKind.Keys));
  r.method(AP, 'entries', 0, arrayIter(IterKind.Entries));
  r.method(r.StringPrototype, WELL_KNOWN.iterator, 0, (vm, t) => {
    if (t === null || t === undefined) throw new GuestError('TypeError', 'String.prototype[Symbol.iterator] called on null or undefined');
    vm.charge(48);
    return new JSIterator(vm.realm.StringIteratorPrototype, toString(vm, t), IterKind.Values);
  });

  // generators
  const GP = r.GeneratorPrototype;
  const GFP = r.GeneratorFunctionPrototype;
  GFP.defineOwn('prototype', GP, Attr.Configurable);
  GP.defineOwn('constructor', GFP, Attr.Configurable);
  GP.defineOwn(WELL_KNOWN.toStringTag, 'Generator', Attr.Configurable);
  GFP.defineOwn(WELL_KNOWN.toStringTag, 'GeneratorFunction', Attr.Configurable);
  r.AsyncFunctionPrototype.defineOwn(WELL_KNOWN.toStringTag, 'AsyncFunction', Attr.Configurable);
  // GeneratorFunction, AsyncFunction and AsyncGeneratorFunction: reachable only as
  // `fn.constructor` (not globals, as in V8), and like Function they never compile code
  const FunctionCtor = r.ctors.get('Function')!;
  for (const [name, fp] of [
    ['GeneratorFunction', GFP],
    ['AsyncFunction', r.AsyncFunctionPrototype],
    ['AsyncGeneratorFunction', r.AsyncGeneratorFunctionPrototype],
  ] as const) {
    const c = r.fn(name, name, 1, () => {
      throw new GuestError('TypeError', 'Code generation from strings is disallowed in Capsule');
    }, true);
    setPrototype(c, FunctionCtor);
    c.defineOwn('prototype', fp, 0);
    fp.defineOwn('constructor', c, Attr.Configurable);
  }
  const resume = (mode: number) => (vm: Parameters<Parameters<typeof r.method>[3]>[0], t: Value, a: Value[]) => {
    if (!(t instanceof JSGenerator) || t.cls !== Cls.Generator) throw new GuestError('TypeError', `Method [Generator].prototype.${['next', 'throw', 'return'][mode]} called on incompatible receiver ${receiverText(vm, t)}`);
    const res = vm.resumeGenerator(t, a[0], mode, Cont.Generator);
    if (res === HOLE_DONE) return vm.iterResult(undefined, true);
    return res as Value | typeof PUSHED;
  };
  r.generatorNext = r.method(GP, 'next', 1, resume(0));
  // async generators
  const AGP = r.AsyncGeneratorPrototype;
  const AGFP = r.AsyncGeneratorFunctionPrototype;
  AGFP.defineOwn('prototype', AGP, Attr.Configurable);
  AGP.defineOwn('constructor', AGFP, Attr.Configurable);
  AGP.defineOwn(WELL_KNOWN.toStringTag, 'AsyncGenerator', Attr.Configurable);
  AGFP.defineOwn(WELL_KNOWN.toStringTag, 'AsyncGeneratorFunction', Attr.Configurable);
  const aresume = (mode: number) => (vm: Parameters<Parameters<typeof r.method>[3]>[0], t: Value, a: Value[]) => {
    if (!(t instanceof JSGenerator) || t.cls !== Cls.AsyncGenerator) {
      const p = vm.newPromise();
      vm.rejectPromise(p, vm.newError('TypeError', `Method [AsyncGenerator].prototype.${['next', 'throw', 'return'][mode]} called on incompatible receiver ${receiverText(vm, t)}`));
      return p;
    }
    return vm.asyncGenEnqueue(t, mode, a[0]);
  };
  r.method(AGP, 'next', 1, aresume(0));
  r.method(AGP, 'throw', 1, aresume(1));
  r.method(AGP, 'return', 1, aresume(2));
  r.method(GP, 'throw', 1, resume(1));
  r.method(GP, 'return', 1, resume(2));
});
