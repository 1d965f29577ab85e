/** console: output goes to the host's callback, formatted like Node's console. */
import { format } from '../inspect';
import { JSArray, JSFunction, JSObject, isCallable } from '../objects';
import { addPreludeModule } from '../prelude/index';
import type { Value } from '../value';
import { Cont } from '../vm/frame';
import type { VM } from '../vm/interpreter';
import { registerInstaller } from '../vm/realm';

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

addPreludeModule({
  exports: ['consoleWithToString'],
  source: String.raw`
function consoleWithToString(level, args, convert) {
  const out = [];
  for (let i = 0; i < args.length; i++) $.arrayPush(out, convert[i] ? String(args[i]) : args[i]);
  $.consoleWrite(level, out);
}
`,
});

/**
 * Does `%s` need the guest's `String(v)`? Node uses it for functions (whatever their toString is)
 * and for objects with their own toString.
 */
function guestToString(vm: VM, v: Value): boolean {
  if (!(v instanceof JSObject)) return false;
  if (isCallable(v)) return true;
  const f = vm.lookup(v, 'toString');
  return f instanceof JSFunction && !vm.realm.intrinsics.has(f);
}

/** Which arguments a `%s` placeholder consumes. */
function percentSArgs(fmt: string): number[] {
  const out: number[] = [];
  let a = 1;
  for (let i = 0; i < fmt.length - 1; i++) {
    if (fmt[i] !== '%') continue;
    const c = fmt[i + 1];
    if (c === '%') {
      i++;
      continue;
    }
    if ('sdifjoOc'.includes(c)) {
      if (c === 's') out.push(a);
      a++;
      i++;
    }
  }
  return out;
}

function write(vm: VM, level: ConsoleLevel, args: Value[]): void {
  const text = format(vm, args);
  vm.charge(16 + text.length * 2);
  vm.onConsole?.(level, text);
}

registerInstaller((r) => {
  const c = r.namespace('console');
  const levels: [string, ConsoleLevel][] = [
    ['log', 'log'],
    ['info', 'info'],
    ['warn', 'warn'],
    ['error', 'error'],
    ['debug', 'debug'],
    ['trace', 'debug'],
  ];
  r.internal('consoleWrite', 2, (vm, _t, a) => {
    write(vm, a[0] as ConsoleLevel, (a[1] as JSArray).elements as Value[]);
    return undefined;
  });
  for (const [name, level] of levels) {
    r.method(c, name, 0, (vm, _t, a) => {
      if (typeof a[0] === 'string' && a[0].includes('%s')) {
        const convert = a.map(() => false);
        let any = false;
        for (const i of percentSArgs(a[0])) {
          if (i < a.length && guestToString(vm, a[i])) convert[i] = any = true;
        }
        if (any) return vm.pushCall(vm.realm.prelude.consoleWithToString, undefined, [level, vm.newArray(a), vm.newArray(convert)], Cont.Normal);
      }
      write(vm, level, a);
      return undefined;
    });
  }
});
