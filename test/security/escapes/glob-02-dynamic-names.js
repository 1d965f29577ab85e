// id: global-scan-dynamic-names
// technique: computed lookups of host names on the global object and its prototype (process, require, module, Buffer, eval, Function, WebAssembly, Deno, Bun…)
// source: node:vm escapes via globalThis lookups (vm2 issue #32); localeval README (globals reachable from the sandbox)
// expect: result
// cli: yes
const names = ['process', 'require', 'module', 'exports', 'Buffer', 'global', 'window', 'self', 'eval', 'WebAssembly', 'Deno', 'Bun', 'Proxy', 'Reflect', 'SharedArrayBuffer', 'Atomics', 'setTimeout', 'queueMicrotask', 'fetch', 'XMLHttpRequest', 'importScripts', '__dirname', '__filename', 'CAPSULE_CANARY_SECRET', 'structuredClone', 'TextEncoder', 'performance', 'crypto', 'navigator'];
for (const n of names) {
  const v = globalThis[n.slice(0, 2) + n.slice(2)];
  escaped('host name reachable: ' + n, v !== undefined);
  escaped('host name via prototype: ' + n, Object.getPrototypeOf(globalThis)[n] !== undefined);
}
R.push('checked ' + names.length + ' names');
R
