/** core/globals: the allowed and refused global names stay consistent with each other. */
import { describe, expect, it } from 'vitest';
import { BUILTIN_GLOBALS, FORBIDDEN_GLOBALS, PRIMITIVE_GLOBALS, isBuiltinGlobal } from '../../../core/globals';

describe('globals', () => {
  it('provides exactly the specified built-ins', () => {
    expect([...BUILTIN_GLOBALS].sort()).toEqual(
      [
        'globalThis', 'Object', 'Array', 'String', 'Number', 'Boolean', 'Math', 'JSON', 'Map', 'Set', 'Symbol',
        'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError',
        'Promise', 'RegExp', 'Date', 'BigInt', 'console', 'parseInt', 'parseFloat', 'isNaN', 'isFinite',
        'NaN', 'Infinity', 'undefined', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI', 'Intl',
      ].sort(),
    );
    expect(isBuiltinGlobal('Map')).toBe(true);
    expect(isBuiltinGlobal('WeakMap')).toBe(false);
  });

  it('never both provides and refuses a name', () => {
    for (const name of FORBIDDEN_GLOBALS.keys()) expect(BUILTIN_GLOBALS.has(name), name).toBe(false);
  });

  it('marks only primitive value properties as primitive', () => {
    expect([...PRIMITIVE_GLOBALS].sort()).toEqual(['Infinity', 'NaN', 'undefined']);
    for (const name of PRIMITIVE_GLOBALS) expect(BUILTIN_GLOBALS.has(name)).toBe(true);
  });

  it('refuses the names the spec calls out', () => {
    const required = [
      'eval', 'Function', 'AsyncFunction', 'Proxy', 'Reflect', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry',
      'SharedArrayBuffer', 'Atomics', 'ArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray',
      'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array',
      'BigUint64Array', 'process', 'require', 'module', 'exports', 'window', 'self', 'global', 'document', 'fetch',
      'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'queueMicrotask', 'XMLHttpRequest', 'WebSocket',
      'Buffer', 'importScripts', '__dirname', '__filename', 'structuredClone',
    ];
    for (const name of required) expect(FORBIDDEN_GLOBALS.has(name), name).toBe(true);
  });

  it('names each refused global in its own message and lets hosts provide only host-level names', () => {
    for (const [name, entry] of FORBIDDEN_GLOBALS) {
      expect(entry.message, name).toContain(`'${name}'`);
      const hostLevel = entry.category === 'host' || entry.category === 'timer' || entry.category === 'unprovided';
      expect(entry.hostMayProvide, name).toBe(hostLevel);
    }
  });
});
