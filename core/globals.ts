/**
 * The global names a Capsule guest may reference, and the well-known names it may not.
 *
 * The validator resolves every free identifier against these lists (plus the host's own
 * inputs and capabilities); the runtime populates the guest's global object from
 * {@link BUILTIN_GLOBALS}. Keeping both sides on one list is what makes "unknown global"
 * a compile-time error instead of a run-time ReferenceError.
 */

/**
 * Built-ins the runtime provides. Coverage of each object's members is tracked by the
 * differential suite; docs/LANGUAGE.md lists what is implemented.
 */
export const BUILTIN_GLOBALS: ReadonlySet<string> = new Set([
  'globalThis',
  // Fundamental objects
  'Object',
  'Boolean',
  'Symbol',
  // Errors
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
  // Numbers, text, dates
  'Number',
  'BigInt',
  'Math',
  'Date',
  'String',
  'RegExp',
  // Collections and structured data
  'Array',
  'Map',
  'Set',
  'JSON',
  // Control abstraction
  'Promise',
  // Function properties and value properties of the global object
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURIComponent',
  'decodeURIComponent',
  'encodeURI',
  'decodeURI',
  'NaN',
  'Infinity',
  'undefined',
  // Host-facing, deterministic subsets
  'console', // forwards to a host callback
  'Intl', // a small documented en-US subset
]);

/** Global value properties that are primitives, not objects: there is nothing on them to mutate. */
export const PRIMITIVE_GLOBALS: ReadonlySet<string> = new Set(['NaN', 'Infinity', 'undefined']);

/**
 * Why a well-known name is refused. The validator maps each category to a diagnostic code.
 * - `eval`, `function-constructor`: compile code at run time.
 * - `reflection`: Proxy/Reflect (meta-programming the engine does not support).
 * - `weak`: GC-observable references.
 * - `shared-memory`, `binary-data`: SharedArrayBuffer/Atomics, typed arrays and friends.
 * - `host`: Node/browser host objects (process, require, window, fetch...).
 * - `timer`: host scheduling (setTimeout, queueMicrotask...).
 * - `unprovided`: standard or web built-ins Capsule deliberately does not provide.
 */
export type ForbiddenCategory =
  | 'eval'
  | 'function-constructor'
  | 'reflection'
  | 'weak'
  | 'shared-memory'
  | 'binary-data'
  | 'host'
  | 'timer'
  | 'unprovided';

/** A refused global name: its category and the advice shown to the author. */
export interface ForbiddenGlobal {
  readonly category: ForbiddenCategory;
  /** The full diagnostic message: what is wrong and what to write instead. */
  readonly message: string;
  /**
   * Whether a host may still provide this name as an input or capability (e.g. its own
   * `fetch`). Language-level intrinsics (eval, Proxy, typed arrays...) stay refused.
   */
  readonly hostMayProvide: boolean;
}

const table = new Map<string, ForbiddenGlobal>();

function add(category: ForbiddenCategory, hostMayProvide: boolean, names: readonly string[], message: (name: string) => string): void {
  for (const name of names) table.set(name, { category, message: message(name), hostMayProvide });
}

add('eval', false, ['eval'], () =>
  "'eval' is not supported: Capsule never compiles code at run time. Write the code directly, or use JSON.parse to read data.",
);
add('function-constructor', false, ['Function', 'AsyncFunction', 'GeneratorFunction', 'AsyncGeneratorFunction'], (n) =>
  `'${n}' is not supported: Capsule never compiles code at run time. Use a function expression or an arrow function; to test for a function use typeof x === 'function'.`,
);
add('reflection', false, ['Proxy'], () =>
  "'Proxy' is not supported. Use a plain object, a Map, or getters/setters in an object literal or class.",
);
add('reflection', false, ['Reflect'], () =>
  "'Reflect' is not supported. Use ordinary property access, the 'in' operator, and Object.keys/Object.getPrototypeOf/Object.getOwnPropertyDescriptor.",
);
add('weak', false, ['WeakMap'], () =>
  "'WeakMap' is not supported: garbage collection is not observable in Capsule. Use a Map.",
);
add('weak', false, ['WeakSet'], () => "'WeakSet' is not supported: garbage collection is not observable in Capsule. Use a Set.");
add('weak', false, ['WeakRef', 'FinalizationRegistry'], (n) =>
  `'${n}' is not supported: garbage collection is not observable in Capsule. Hold an ordinary reference instead.`,
);
add('shared-memory', false, ['SharedArrayBuffer', 'Atomics'], (n) =>
  `'${n}' is not supported: Capsule runs one thread and has no shared memory.`,
);
add(
  'binary-data',
  false,
  [
    'ArrayBuffer',
    'DataView',
    'Int8Array',
    'Uint8Array',
    'Uint8ClampedArray',
    'Int16Array',
    'Uint16Array',
    'Int32Array',
    'Uint32Array',
    'Float16Array',
    'Float32Array',
    'Float64Array',
    'BigInt64Array',
    'BigUint64Array',
  ],
  (n) => `'${n}' is not supported: binary data types are not available in Capsule. Use an ordinary array of numbers.`,
);

const viaCapabilities = 'Pass host data in through inputs and call host functions through capabilities.';
add('host', true, ['process', 'Deno', 'Bun'], (n) => `'${n}' does not exist in Capsule: there is no host process. ${viaCapabilities}`);
add('host', true, ['require', 'module', 'exports', 'importScripts'], (n) =>
  `'${n}' does not exist in Capsule: modules are not supported. Put all code in one script; host functionality comes from capabilities.`,
);
add('host', true, ['__dirname', '__filename'], (n) => `'${n}' does not exist in Capsule: there is no file system. ${viaCapabilities}`);
add('host', true, ['window', 'self', 'global'], (n) =>
  `'${n}' does not exist in Capsule. Use 'globalThis' to reach the global object.`,
);
add(
  'host',
  true,
  ['document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'indexedDB', 'alert', 'confirm', 'prompt', 'postMessage', 'addEventListener', 'removeEventListener', 'Worker'],
  (n) => `'${n}' is a browser API and does not exist in Capsule. ${viaCapabilities}`,
);
add('host', true, ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'Headers', 'Request', 'Response', 'FormData'], (n) =>
  `'${n}' does not exist in Capsule: there is no direct network access. Use a capability the host declares.`,
);
add('host', true, ['Buffer'], () => "'Buffer' does not exist in Capsule. Use strings, or arrays of numbers for bytes.");
add('host', true, ['crypto'], () =>
  "'crypto' does not exist in Capsule. Math.random is available (seeded by the host); ask the host for secure randomness through a capability.",
);
add('host', true, ['performance'], () => "'performance' does not exist in Capsule. Use Date.now() to read the host clock.");
add('timer', true, ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback'], (n) =>
  `'${n}' does not exist in Capsule: there are no timers. Await a host capability to wait, or use Promise.resolve().then(...) to defer work.`,
);
add('timer', true, ['queueMicrotask'], () => "'queueMicrotask' does not exist in Capsule. Use Promise.resolve().then(callback).");

add('unprovided', true, ['structuredClone'], () =>
  "'structuredClone' is not provided. Copy plain data with JSON.parse(JSON.stringify(value)), or spread ({ ...o }, [...a]) for a shallow copy.",
);
add('unprovided', true, ['TextEncoder', 'TextDecoder'], (n) =>
  `'${n}' is not provided. Use string methods such as codePointAt and String.fromCodePoint.`,
);
add('unprovided', true, ['URL', 'URLSearchParams'], (n) =>
  `'${n}' is not provided. Use encodeURIComponent/decodeURIComponent and string methods.`,
);
add('unprovided', true, ['atob', 'btoa'], (n) => `'${n}' is not provided. Ask the host for base64 through a capability.`);
add('unprovided', true, ['escape', 'unescape'], (n) => `'${n}' is not provided. Use encodeURIComponent/decodeURIComponent.`);
add('unprovided', true, ['Iterator', 'AsyncIterator'], (n) =>
  `'${n}' is not provided. Convert with Array.from(iterable) and use array methods.`,
);
add('unprovided', true, ['Temporal'], () => "'Temporal' is not provided. Use Date (UTC API).");
add('unprovided', true, ['WebAssembly'], () => "'WebAssembly' is not supported in Capsule.");
add(
  'unprovided',
  true,
  ['AbortController', 'AbortSignal', 'Event', 'EventTarget', 'MessageChannel', 'MessagePort', 'BroadcastChannel', 'Blob', 'File', 'ReadableStream', 'WritableStream', 'TransformStream', 'DOMException'],
  (n) => `'${n}' is not provided in Capsule. ${viaCapabilities}`,
);

/** Well-known global names the guest may not use, each with specific advice. */
export const FORBIDDEN_GLOBALS: ReadonlyMap<string, ForbiddenGlobal> = table;

/** True if `name` is a built-in the runtime provides on the guest's global object. */
export function isBuiltinGlobal(name: string): boolean {
  return BUILTIN_GLOBALS.has(name);
}
