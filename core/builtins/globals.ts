/** Global functions and values: parseInt, parseFloat, isNaN, isFinite, URI coding, NaN, Infinity. */
import { registerInstaller } from '../vm/realm';
import { GuestError } from '../vm/throw';
import { guestArgs, num, str } from './convert';

registerInstaller((r) => {
  const g = r.globalObject;
  g.defineOwn('NaN', NaN, 0);
  g.defineOwn('Infinity', Infinity, 0);
  g.defineOwn('undefined', undefined, 0);
  const fn = (name: string, len: number, impl: Parameters<typeof r.fn>[3]) => g.defineOwn(name, r.fn(name, name, len, impl), 5);
  // (an argument with a guest valueOf/toString is converted by the prelude, then the call retried)
  fn('parseInt', 2, guestArgs('sn', (vm, _t, a) => parseInt(str(vm, a[0]), a[1] === undefined ? undefined : num(vm, a[1]))));
  fn('parseFloat', 1, guestArgs('s', (vm, _t, a) => parseFloat(str(vm, a[0]))));
  fn('isNaN', 1, guestArgs('n', (vm, _t, a) => Number.isNaN(num(vm, a[0]))));
  fn('isFinite', 1, guestArgs('n', (vm, _t, a) => Number.isFinite(num(vm, a[0]))));
  const uri = (name: string, f: (s: string) => string) =>
    fn(
      name,
      1,
      guestArgs('s', (vm, _t, a) => {
        const s = str(vm, a[0]);
        try {
          return f(s);
        } catch {
          throw new GuestError('URIError', 'URI malformed');
        }
      }),
    );
  uri('encodeURIComponent', encodeURIComponent);
  uri('decodeURIComponent', decodeURIComponent);
  uri('encodeURI', encodeURI);
  uri('decodeURI', decodeURI);
});
