/** console: output goes to the host's callback, formatted like Node's console. */
import { format } from '../inspect';
import { registerInstaller } from '../vm/realm';

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

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
  for (const [name, level] of levels) {
    r.method(c, name, 0, (vm, _t, a) => {
      const text = format(vm, a);
      vm.charge(16 + text.length * 2);
      vm.onConsole?.(level, text);
      return undefined;
    });
  }
});
