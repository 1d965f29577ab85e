const r = [
  typeof globalThis, globalThis.globalThis === globalThis, globalThis.Math === Math, globalThis.JSON === JSON,
  typeof globalThis.Array, globalThis.undefined, globalThis.NaN, globalThis.Infinity, typeof globalThis.console,
];
r.push(typeof globalThis.console.log, 'Promise' in globalThis, globalThis.parseInt === Number.parseInt);
r
