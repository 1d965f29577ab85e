/** Global functions and values: parseInt, parseFloat, isNaN, isFinite, URI coding, NaN, Infinity. */
import { registerInstaller } from '../vm/realm';
import { GuestError } from '../vm/throw';
import { toNumber, toString } from './util';

registerInstaller((r) => {
  const g = r.globalObject;
  g.defineOwn('NaN', NaN, 0);
  g.defineOwn('Infinity', Infinity, 0);
  g.defineOwn('undefined', undefined, 0);
  const fn = (name: string, len: number, impl: Parameters<typeof r.fn>[3]) => g.defineOwn(name, r.fn(name, name, len, impl), 5);
  fn('parseInt', 2, (vm, _t, a) => parseInt(toString(vm, a[0]), a[1] === undefined ? undefined : toNumber(vm, a[1])));
  fn('parseFloat', 1, (vm, _t, a) => parseFloat(toString(vm, a[0])));
  fn('isNaN', 1, (vm, _t, a) => Number.isNaN(toNumber(vm, a[0])));
  fn('isFinite', 1, (vm, _t, a) => Number.isFinite(toNumber(vm, a[0])));
  const uri = (name: string, f: (s: string) => string) =>
    fn(name, 1, (vm, _t, a) => {
      try {
        return f(toString(vm, a[0]));
      } catch {
        throw new GuestError('URIError', 'URI malformed');
      }
    });
  uri('encodeURIComponent', encodeURIComponent);
  uri('decodeURIComponent', decodeURIComponent);
  uri('encodeURI', encodeURI);
  uri('decodeURI', decodeURI);
});
