/** Symbol: descriptions, the registry, well-known symbols. */
import { Cls, JSObject, JSPrimitiveObject } from '../objects';
import { Attr } from '../shape';
import { GSymbol, HOLE, WELL_KNOWN, type Value } from '../value';
import { addPreludeModule } from '../prelude/index';
import { Cont } from '../vm/frame';
import { registerInstaller } from '../vm/realm';
import { GuestError } from '../vm/throw';
import { toString } from './util';

addPreludeModule({
  exports: ['symbolFromObject'],
  // ToString is hint "string": a template literal ('' + desc would use the hint "default")
  source:
    String.raw`
function symbolFromObject(desc) {
  return $.makeSymbol(` +
    '`${desc}`' +
    String.raw`);
}
`,
});

registerInstaller((r) => {
  const SP = r.SymbolPrototype;
  r.internal('makeSymbol', 1, (vm, _t, a) => {
    vm.charge(32);
    return new GSymbol(a[0] as string);
  });
  const S = r.ctor('Symbol', 0, (vm, _t, a, nt) => {
    if (nt !== undefined) throw new GuestError('TypeError', 'Symbol is not a constructor');
    if (a[0] instanceof JSObject && vm.toPrimitiveNative(a[0], 'string') === HOLE) {
      return vm.pushCall(vm.realm.prelude.symbolFromObject, undefined, [a[0]], Cont.Normal);
    }
    vm.charge(32);
    return new GSymbol(a[0] === undefined ? undefined : toString(vm, a[0]));
  }, SP);
  // Symbol has [[Construct]] (so `class X extends Symbol` is allowed, as in V8) but refuses `new`
  r.method(S, 'for', 1, (vm, _t, a) => {
    const key = toString(vm, a[0]);
    // the registry is per VM (realm.symbolRegistry): VMs never share Symbol.for symbols
    const registry = (vm.realm.symbolRegistry ??= new Map<string, GSymbol>());
    let s = registry.get(key);
    if (!s) {
      s = new GSymbol(key, 'registry:' + key);
      registry.set(key, s);
    }
    return s;
  });
  r.method(S, 'keyFor', 1, (vm, _t, a) => {
    const s = a[0];
    if (!(s instanceof GSymbol)) throw new GuestError('TypeError', `${vm.describe(s)} is not a symbol`);
    return s.key?.startsWith('registry:') ? s.key.slice(9) : undefined;
  });
  // V8's order of Symbol's own keys: for, keyFor, then the well-known symbols alphabetically
  for (const name of Object.keys(WELL_KNOWN).sort()) S.defineOwn(name, WELL_KNOWN[name as keyof typeof WELL_KNOWN], 0);
  // a symbol, or a Symbol box (Object(sym)); guest symbols are host objects, so typeof cannot tell
  const sym = (t: Value, method: string): GSymbol => {
    if (t instanceof GSymbol) return t;
    if (t instanceof JSPrimitiveObject && t.cls === Cls.Symbol && t.value instanceof GSymbol) return t.value;
    throw new GuestError('TypeError', `Symbol.prototype${method} requires that 'this' be a Symbol`);
  };
  r.method(SP, 'toString', 0, (_vm, t) => `Symbol(${sym(t, '.toString').description ?? ''})`);
  r.method(SP, 'valueOf', 0, (_vm, t) => sym(t, '.valueOf'));
  r.getter(SP, 'description', (_vm, t) => sym(t, '.description').description);
  r.method(SP, WELL_KNOWN.toPrimitive, 1, (_vm, t) => sym(t, ' [ @@toPrimitive ]'));
  SP.defineOwn(WELL_KNOWN.toStringTag, 'Symbol', Attr.Configurable);
  void JSObject;
});
