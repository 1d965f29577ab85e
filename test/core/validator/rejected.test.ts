/**
 * Golden tests: every rejected feature, with its exact code, message and span.
 * Spans are [line, column, endLine, endColumn], 1-based, end exclusive.
 */
import { describe, expect, it } from 'vitest';
import { diagnose, type Finding } from './helpers';

type Case = [title: string, source: string, expected: Finding[]] | [title: string, source: string, globals: string[], expected: Finding[]];

const cases: Case[] = [
  [
    "eval call",
    "const r = eval('1 + 1');",
    [
      { code: 'CAP1001', message: "'eval' is not supported: Capsule never compiles code at run time. Write the code directly, or use JSON.parse to read data.", at: [1, 11, 1, 15] },
    ],
  ],
  [
    "eval as a value",
    "const e = eval;",
    [
      { code: 'CAP1001', message: "'eval' is not supported: Capsule never compiles code at run time. Write the code directly, or use JSON.parse to read data.", at: [1, 11, 1, 15] },
    ],
  ],
  [
    "eval through globalThis",
    "globalThis.eval('1');",
    [
      { code: 'CAP1001', message: "'eval' is not supported: Capsule never compiles code at run time. Write the code directly, or use JSON.parse to read data.", at: [1, 1, 1, 16] },
    ],
  ],
  [
    "eval through globalThis[...]",
    "globalThis['eval']('1');",
    [
      { code: 'CAP1001', message: "'eval' is not supported: Capsule never compiles code at run time. Write the code directly, or use JSON.parse to read data.", at: [1, 1, 1, 19] },
    ],
  ],
  [
    "new Function",
    "const f = new Function('a', 'return a');",
    [
      { code: 'CAP1002', message: "'Function' is not supported: Capsule never compiles code at run time. Use a function expression or an arrow function; to test for a function use typeof x === 'function'.", at: [1, 15, 1, 23] },
    ],
  ],
  [
    "Function called",
    "Function('return 1')();",
    [
      { code: 'CAP1002', message: "'Function' is not supported: Capsule never compiles code at run time. Use a function expression or an arrow function; to test for a function use typeof x === 'function'.", at: [1, 1, 1, 9] },
    ],
  ],
  [
    "instanceof Function",
    "const f = () => 1;\nf instanceof Function;",
    [
      { code: 'CAP1002', message: "'Function' is not supported: Capsule never compiles code at run time. Use a function expression or an arrow function; to test for a function use typeof x === 'function'.", at: [2, 14, 2, 22] },
    ],
  ],
  [
    "AsyncFunction",
    "new AsyncFunction('await 1');",
    [
      { code: 'CAP1002', message: "'AsyncFunction' is not supported: Capsule never compiles code at run time. Use a function expression or an arrow function; to test for a function use typeof x === 'function'.", at: [1, 5, 1, 18] },
    ],
  ],
  [
    "GeneratorFunction",
    "GeneratorFunction;",
    [
      { code: 'CAP1002', message: "'GeneratorFunction' is not supported: Capsule never compiles code at run time. Use a function expression or an arrow function; to test for a function use typeof x === 'function'.", at: [1, 1, 1, 18] },
    ],
  ],
  [
    "import declaration",
    "import fs from 'fs';\nfs.readFileSync('x');",
    [
      { code: 'CAP1004', message: "import declarations are not supported: a Capsule program is a single script. Host functionality comes from capabilities and inputs, which are available as globals.", at: [1, 1, 1, 21] },
    ],
  ],
  [
    "named import",
    "import { readFile } from 'fs';",
    [
      { code: 'CAP1004', message: "import declarations are not supported: a Capsule program is a single script. Host functionality comes from capabilities and inputs, which are available as globals.", at: [1, 1, 1, 31] },
    ],
  ],
  [
    "export declaration",
    "export const answer = 42;",
    [
      { code: 'CAP1004', message: "export declarations are not supported: a Capsule program is a single script. Return results by the program's completion value or through a capability.", at: [1, 1, 1, 26] },
    ],
  ],
  [
    "export default",
    "export default function main() {}",
    [
      { code: 'CAP1004', message: "export declarations are not supported: a Capsule program is a single script. Return results by the program's completion value or through a capability.", at: [1, 1, 1, 34] },
    ],
  ],
  [
    "export list",
    "const a = 1;\nexport { a };",
    [
      { code: 'CAP1004', message: "export declarations are not supported: a Capsule program is a single script. Return results by the program's completion value or through a capability.", at: [2, 1, 2, 14] },
    ],
  ],
  [
    "export star",
    "export * from 'lib';",
    [
      { code: 'CAP1004', message: "export declarations are not supported: a Capsule program is a single script. Return results by the program's completion value or through a capability.", at: [1, 1, 1, 21] },
    ],
  ],
  [
    "dynamic import",
    "const m = await import('./m.js');",
    [
      { code: 'CAP1005', message: "import() is not supported: a Capsule program cannot load code. Put all code in one script; host functionality comes from capabilities.", at: [1, 17, 1, 33] },
    ],
  ],
  [
    "import.meta",
    "const u = import.meta.url;",
    [
      { code: 'CAP1006', message: "'import.meta' is not supported: a Capsule program is not a module. Information about the run comes from host inputs.", at: [1, 11, 1, 22] },
    ],
  ],
  [
    "Proxy",
    "const p = new Proxy({}, {});",
    [
      { code: 'CAP1007', message: "'Proxy' is not supported. Use a plain object, a Map, or getters/setters in an object literal or class.", at: [1, 15, 1, 20] },
    ],
  ],
  [
    "Reflect",
    "Reflect.ownKeys({});",
    [
      { code: 'CAP1007', message: "'Reflect' is not supported. Use ordinary property access, the 'in' operator, and Object.keys/Object.getPrototypeOf/Object.getOwnPropertyDescriptor.", at: [1, 1, 1, 8] },
    ],
  ],
  [
    "WeakMap",
    "const cache = new WeakMap();",
    [
      { code: 'CAP1008', message: "'WeakMap' is not supported: garbage collection is not observable in Capsule. Use a Map.", at: [1, 19, 1, 26] },
    ],
  ],
  [
    "WeakSet",
    "new WeakSet();",
    [
      { code: 'CAP1008', message: "'WeakSet' is not supported: garbage collection is not observable in Capsule. Use a Set.", at: [1, 5, 1, 12] },
    ],
  ],
  [
    "WeakRef",
    "new WeakRef({});",
    [
      { code: 'CAP1008', message: "'WeakRef' is not supported: garbage collection is not observable in Capsule. Hold an ordinary reference instead.", at: [1, 5, 1, 12] },
    ],
  ],
  [
    "FinalizationRegistry",
    "new FinalizationRegistry(() => {});",
    [
      { code: 'CAP1008', message: "'FinalizationRegistry' is not supported: garbage collection is not observable in Capsule. Hold an ordinary reference instead.", at: [1, 5, 1, 25] },
    ],
  ],
  [
    "SharedArrayBuffer",
    "new SharedArrayBuffer(8);",
    [
      { code: 'CAP1009', message: "'SharedArrayBuffer' is not supported: Capsule runs one thread and has no shared memory.", at: [1, 5, 1, 22] },
    ],
  ],
  [
    "Atomics",
    "Atomics.wait;",
    [
      { code: 'CAP1009', message: "'Atomics' is not supported: Capsule runs one thread and has no shared memory.", at: [1, 1, 1, 8] },
    ],
  ],
  [
    "Uint8Array",
    "const bytes = new Uint8Array(4);",
    [
      { code: 'CAP1010', message: "'Uint8Array' is not supported: binary data types are not available in Capsule. Use an ordinary array of numbers.", at: [1, 19, 1, 29] },
    ],
  ],
  [
    "ArrayBuffer",
    "new ArrayBuffer(8);",
    [
      { code: 'CAP1010', message: "'ArrayBuffer' is not supported: binary data types are not available in Capsule. Use an ordinary array of numbers.", at: [1, 5, 1, 16] },
    ],
  ],
  [
    "DataView",
    "DataView;",
    [
      { code: 'CAP1010', message: "'DataView' is not supported: binary data types are not available in Capsule. Use an ordinary array of numbers.", at: [1, 1, 1, 9] },
    ],
  ],
  [
    "BigUint64Array",
    "BigUint64Array.from([1n]);",
    [
      { code: 'CAP1010', message: "'BigUint64Array' is not supported: binary data types are not available in Capsule. Use an ordinary array of numbers.", at: [1, 1, 1, 15] },
    ],
  ],
  [
    "process",
    "const home = process.env.HOME;",
    [
      { code: 'CAP1011', message: "'process' does not exist in Capsule: there is no host process. Pass host data in through inputs and call host functions through capabilities.", at: [1, 14, 1, 21] },
    ],
  ],
  [
    "require",
    "const fs = require('fs');",
    [
      { code: 'CAP1011', message: "'require' does not exist in Capsule: modules are not supported. Put all code in one script; host functionality comes from capabilities.", at: [1, 12, 1, 19] },
    ],
  ],
  [
    "module.exports",
    "module.exports = {};",
    [
      { code: 'CAP1011', message: "'module' does not exist in Capsule: modules are not supported. Put all code in one script; host functionality comes from capabilities.", at: [1, 1, 1, 7] },
    ],
  ],
  [
    "exports",
    "exports.x = 1;",
    [
      { code: 'CAP1011', message: "'exports' does not exist in Capsule: modules are not supported. Put all code in one script; host functionality comes from capabilities.", at: [1, 1, 1, 8] },
    ],
  ],
  [
    "window",
    "window.alert(1);",
    [
      { code: 'CAP1011', message: "'window' does not exist in Capsule. Use 'globalThis' to reach the global object.", at: [1, 1, 1, 7] },
    ],
  ],
  [
    "self",
    "self;",
    [
      { code: 'CAP1011', message: "'self' does not exist in Capsule. Use 'globalThis' to reach the global object.", at: [1, 1, 1, 5] },
    ],
  ],
  [
    "global",
    "global.x;",
    [
      { code: 'CAP1011', message: "'global' does not exist in Capsule. Use 'globalThis' to reach the global object.", at: [1, 1, 1, 7] },
    ],
  ],
  [
    "document",
    "document.title;",
    [
      { code: 'CAP1011', message: "'document' is a browser API and does not exist in Capsule. Pass host data in through inputs and call host functions through capabilities.", at: [1, 1, 1, 9] },
    ],
  ],
  [
    "fetch",
    "const res = await fetch('https://example.com');",
    [
      { code: 'CAP1011', message: "'fetch' does not exist in Capsule: there is no direct network access. Use a capability the host declares.", at: [1, 19, 1, 24] },
    ],
  ],
  [
    "XMLHttpRequest",
    "new XMLHttpRequest();",
    [
      { code: 'CAP1011', message: "'XMLHttpRequest' does not exist in Capsule: there is no direct network access. Use a capability the host declares.", at: [1, 5, 1, 19] },
    ],
  ],
  [
    "WebSocket",
    "new WebSocket('ws://x');",
    [
      { code: 'CAP1011', message: "'WebSocket' does not exist in Capsule: there is no direct network access. Use a capability the host declares.", at: [1, 5, 1, 14] },
    ],
  ],
  [
    "Buffer",
    "Buffer.from('x');",
    [
      { code: 'CAP1011', message: "'Buffer' does not exist in Capsule. Use strings, or arrays of numbers for bytes.", at: [1, 1, 1, 7] },
    ],
  ],
  [
    "importScripts",
    "importScripts('a.js');",
    [
      { code: 'CAP1011', message: "'importScripts' does not exist in Capsule: modules are not supported. Put all code in one script; host functionality comes from capabilities.", at: [1, 1, 1, 14] },
    ],
  ],
  [
    "__dirname",
    "__dirname;",
    [
      { code: 'CAP1011', message: "'__dirname' does not exist in Capsule: there is no file system. Pass host data in through inputs and call host functions through capabilities.", at: [1, 1, 1, 10] },
    ],
  ],
  [
    "__filename",
    "__filename;",
    [
      { code: 'CAP1011', message: "'__filename' does not exist in Capsule: there is no file system. Pass host data in through inputs and call host functions through capabilities.", at: [1, 1, 1, 11] },
    ],
  ],
  [
    "setTimeout",
    "setTimeout(() => {}, 10);",
    [
      { code: 'CAP1012', message: "'setTimeout' does not exist in Capsule: there are no timers. Await a host capability to wait, or use Promise.resolve().then(...) to defer work.", at: [1, 1, 1, 11] },
    ],
  ],
  [
    "setInterval",
    "setInterval(tick, 10);\nfunction tick() {}",
    [
      { code: 'CAP1012', message: "'setInterval' does not exist in Capsule: there are no timers. Await a host capability to wait, or use Promise.resolve().then(...) to defer work.", at: [1, 1, 1, 12] },
    ],
  ],
  [
    "setImmediate",
    "setImmediate(() => {});",
    [
      { code: 'CAP1012', message: "'setImmediate' does not exist in Capsule: there are no timers. Await a host capability to wait, or use Promise.resolve().then(...) to defer work.", at: [1, 1, 1, 13] },
    ],
  ],
  [
    "clearTimeout",
    "clearTimeout(1);",
    [
      { code: 'CAP1012', message: "'clearTimeout' does not exist in Capsule: there are no timers. Await a host capability to wait, or use Promise.resolve().then(...) to defer work.", at: [1, 1, 1, 13] },
    ],
  ],
  [
    "queueMicrotask",
    "queueMicrotask(() => {});",
    [
      { code: 'CAP1012', message: "'queueMicrotask' does not exist in Capsule. Use Promise.resolve().then(callback).", at: [1, 1, 1, 15] },
    ],
  ],
  [
    "structuredClone",
    "const copy = structuredClone({ a: 1 });",
    [
      { code: 'CAP1014', message: "'structuredClone' is not provided. Copy plain data with JSON.parse(JSON.stringify(value)), or spread ({ ...o }, [...a]) for a shallow copy.", at: [1, 14, 1, 29] },
    ],
  ],
  [
    "TextEncoder",
    "new TextEncoder();",
    [
      { code: 'CAP1014', message: "'TextEncoder' is not provided. Use string methods such as codePointAt and String.fromCodePoint.", at: [1, 5, 1, 16] },
    ],
  ],
  [
    "URL",
    "new URL('https://x');",
    [
      { code: 'CAP1014', message: "'URL' is not provided. Use encodeURIComponent/decodeURIComponent and string methods.", at: [1, 5, 1, 8] },
    ],
  ],
  [
    "atob",
    "atob('eA==');",
    [
      { code: 'CAP1014', message: "'atob' is not provided. Ask the host for base64 through a capability.", at: [1, 1, 1, 5] },
    ],
  ],
  [
    "escape",
    "escape('x');",
    [
      { code: 'CAP1014', message: "'escape' is not provided. Use encodeURIComponent/decodeURIComponent.", at: [1, 1, 1, 7] },
    ],
  ],
  [
    "unknown global",
    "const y = foo + 1;",
    [
      { code: 'CAP1013', message: "Unknown global 'foo'. Declare it with let, const or function, or have the host provide it as an input or capability.", at: [1, 11, 1, 14] },
    ],
  ],
  [
    "unknown global with a suggestion",
    "Maths.max(1, 2);",
    [
      { code: 'CAP1013', message: "Unknown global 'Maths'. Did you mean 'Math'? Declare it with let, const or function, or have the host provide it as an input or capability.", at: [1, 1, 1, 6] },
    ],
  ],
  [
    "unknown global, case typo",
    "json.parse(\"1\");",
    [
      { code: 'CAP1013', message: "Unknown global 'json'. Did you mean 'JSON'? Declare it with let, const or function, or have the host provide it as an input or capability.", at: [1, 1, 1, 5] },
    ],
  ],
  [
    "unknown global, host name typo",
    "inputs.x;",
    ["input"],
    [
      { code: 'CAP1013', message: "Unknown global 'inputs'. Did you mean 'input'? Declare it with let, const or function, or have the host provide it as an input or capability.", at: [1, 1, 1, 7] },
    ],
  ],
  [
    "assignment to an unknown global",
    "counter = 1;",
    [
      { code: 'CAP1013', message: "Unknown global 'counter'. Declare it with let, const or function, or have the host provide it as an input or capability.", at: [1, 1, 1, 8] },
    ],
  ],
  [
    "Array.prototype.x =",
    "Array.prototype.sum = function () {};",
    [
      { code: 'CAP1020', message: "'Array.prototype.sum' cannot be modified: built-in prototypes are frozen in Capsule. Write a helper function that takes the value as a parameter, or a subclass, instead.", at: [1, 1, 1, 20] },
    ],
  ],
  [
    "X.prototype =",
    "Array.prototype = {};",
    [
      { code: 'CAP1020', message: "'Array.prototype' cannot be modified: built-in prototypes are frozen in Capsule. Write a helper function that takes the value as a parameter, or a subclass, instead.", at: [1, 1, 1, 16] },
    ],
  ],
  [
    "compound assignment on a prototype",
    "String.prototype.x += 'y';",
    [
      { code: 'CAP1020', message: "'String.prototype.x' cannot be modified: built-in prototypes are frozen in Capsule. Write a helper function that takes the value as a parameter, or a subclass, instead.", at: [1, 1, 1, 19] },
    ],
  ],
  [
    "computed prototype key",
    "Object.prototype['toString'] = () => 'x';",
    [
      { code: 'CAP1020', message: "'Object.prototype['toString']' cannot be modified: built-in prototypes are frozen in Capsule. Write a helper function that takes the value as a parameter, or a subclass, instead.", at: [1, 1, 1, 29] },
    ],
  ],
  [
    "symbol-keyed prototype write",
    "Array.prototype[Symbol.iterator] = null;",
    [
      { code: 'CAP1020', message: "'Array.prototype[Symbol.iterator]' cannot be modified: built-in prototypes are frozen in Capsule. Write a helper function that takes the value as a parameter, or a subclass, instead.", at: [1, 1, 1, 33] },
    ],
  ],
  [
    "delete from a prototype",
    "delete Array.prototype.map;",
    [
      { code: 'CAP1020', message: "'Array.prototype.map' cannot be modified: built-in prototypes are frozen in Capsule. Write a helper function that takes the value as a parameter, or a subclass, instead.", at: [1, 8, 1, 27] },
    ],
  ],
  [
    "update of a built-in property",
    "Number.MAX_SAFE_INTEGER++;",
    [
      { code: 'CAP1020', message: "'Number.MAX_SAFE_INTEGER' cannot be modified: built-in objects are frozen in Capsule. Use your own object or function instead.", at: [1, 1, 1, 24] },
    ],
  ],
  [
    "destructuring into a built-in",
    "[Math.PI] = [3];",
    [
      { code: 'CAP1020', message: "'Math.PI' cannot be modified: built-in objects are frozen in Capsule. Use your own object or function instead.", at: [1, 2, 1, 9] },
    ],
  ],
  [
    "for-in into a built-in",
    "for (Math.x in {}) {}",
    [
      { code: 'CAP1020', message: "'Math.x' cannot be modified: built-in objects are frozen in Capsule. Use your own object or function instead.", at: [1, 6, 1, 12] },
    ],
  ],
  [
    "Math.random =",
    "Math.random = () => 4;",
    [
      { code: 'CAP1020', message: "'Math.random' cannot be modified: built-in objects are frozen in Capsule. Use your own object or function instead.", at: [1, 1, 1, 12] },
    ],
  ],
  [
    "console.log =",
    "console.log = () => {};",
    [
      { code: 'CAP1020', message: "'console.log' cannot be modified: built-in objects are frozen in Capsule. Use your own object or function instead.", at: [1, 1, 1, 12] },
    ],
  ],
  [
    "globalThis.x =",
    "globalThis.x = 1;",
    [
      { code: 'CAP1020', message: "'globalThis.x' cannot be modified: Capsule does not allow adding or changing properties of the global object. Declare a top-level variable (let/const) instead.", at: [1, 1, 1, 13] },
    ],
  ],
  [
    "globalThis.Math.x =",
    "globalThis.Math.x = 1;",
    [
      { code: 'CAP1020', message: "'globalThis.Math.x' cannot be modified: Capsule does not allow adding or changing properties of the global object. Declare a top-level variable (let/const) instead.", at: [1, 1, 1, 18] },
    ],
  ],
  [
    "rebinding a built-in global",
    "Object = null;",
    [
      { code: 'CAP1020', message: "'Object' is a built-in global and cannot be reassigned. Declare a local variable with a different name.", at: [1, 1, 1, 7] },
    ],
  ],
  [
    "Object.defineProperty on a prototype",
    "Object.defineProperty(Array.prototype, 'last', { value: 1 });",
    [
      { code: 'CAP1020', message: "Object.defineProperty cannot modify 'Array.prototype': built-in objects and prototypes are frozen in Capsule. Use your own object instead.", at: [1, 1, 1, 61] },
    ],
  ],
  [
    "Object.defineProperties on a prototype",
    "Object.defineProperties(Object.prototype, {});",
    [
      { code: 'CAP1020', message: "Object.defineProperties cannot modify 'Object.prototype': built-in objects and prototypes are frozen in Capsule. Use your own object instead.", at: [1, 1, 1, 46] },
    ],
  ],
  [
    "Object.assign onto a built-in",
    "Object.assign(Math, { tau: 6.28 });",
    [
      { code: 'CAP1020', message: "Object.assign cannot modify 'Math': built-in objects and prototypes are frozen in Capsule. Use your own object instead.", at: [1, 1, 1, 35] },
    ],
  ],
  [
    "Object.defineProperty on globalThis",
    "Object.defineProperty(globalThis, 'x', { value: 1 });",
    [
      { code: 'CAP1020', message: "Object.defineProperty cannot modify 'globalThis': built-in objects and prototypes are frozen in Capsule. Use your own object instead.", at: [1, 1, 1, 53] },
    ],
  ],
  [
    "Object.setPrototypeOf",
    "const a = {};\nObject.setPrototypeOf(a, null);",
    [
      { code: 'CAP1021', message: "Object.setPrototypeOf is not supported: prototypes cannot be changed after an object is created. Create the object with Object.create(proto), or use a class with extends.", at: [2, 1, 2, 22] },
    ],
  ],
  [
    "Object.setPrototypeOf as a value",
    "const set = Object.setPrototypeOf;",
    [
      { code: 'CAP1021', message: "Object.setPrototypeOf is not supported: prototypes cannot be changed after an object is created. Create the object with Object.create(proto), or use a class with extends.", at: [1, 13, 1, 34] },
    ],
  ],
  [
    "__proto__ write",
    "const o = {};\no.__proto__ = Array.prototype;",
    [
      { code: 'CAP1021', message: "'__proto__' is not supported. Use Object.getPrototypeOf(obj) to read a prototype, and Object.create(proto) or a class with extends to set one.", at: [2, 1, 2, 12] },
    ],
  ],
  [
    "__proto__ read",
    "const p = 'x'.__proto__;",
    [
      { code: 'CAP1021', message: "'__proto__' is not supported. Use Object.getPrototypeOf(obj) to read a prototype, and Object.create(proto) or a class with extends to set one.", at: [1, 11, 1, 24] },
    ],
  ],
  [
    "computed __proto__",
    "const o = {};\no['__proto__'];",
    [
      { code: 'CAP1021', message: "'__proto__' is not supported. Use Object.getPrototypeOf(obj) to read a prototype, and Object.create(proto) or a class with extends to set one.", at: [2, 1, 2, 15] },
    ],
  ],
  [
    "__proto__ chain into a built-in prototype",
    "[].__proto__.x = 1;",
    [
      { code: 'CAP1021', message: "'__proto__' is not supported. Use Object.getPrototypeOf(obj) to read a prototype, and Object.create(proto) or a class with extends to set one.", at: [1, 1, 1, 13] },
    ],
  ],
  [
    "__defineGetter__",
    "const o = {};\no.__defineGetter__('x', () => 1);",
    [
      { code: 'CAP1022', message: "'__defineGetter__' is a legacy API and is not supported. Define accessors with get/set in an object literal or class, and inspect them with Object.getOwnPropertyDescriptor.", at: [2, 1, 2, 19] },
    ],
  ],
  [
    "__lookupSetter__",
    "Object.prototype.__lookupSetter__;",
    [
      { code: 'CAP1022', message: "'__lookupSetter__' is a legacy API and is not supported. Define accessors with get/set in an object literal or class, and inspect them with Object.getOwnPropertyDescriptor.", at: [1, 1, 1, 34] },
    ],
  ],
  [
    "top-level var undefined",
    "var x = 1;\nvar undefined = 2;",
    [
      { code: 'CAP1020', message: "'undefined' is a read-only global: a top-level var or function cannot declare it (V8 throws a TypeError assigning it). Use another name.", at: [2, 5, 2, 14] },
    ],
  ],
  [
    "RegExp.$1",
    "'ab'.match(/(a)/);\nconst last = RegExp.$1;",
    [
      { code: 'CAP1023', message: "RegExp.$1 is a legacy API and is not supported: Capsule keeps no global state of the last match. Read the match result instead (the array from exec() or match(), its index and groups).", at: [2, 14, 2, 23] },
    ],
  ],
  [
    "RegExp['lastMatch']",
    "RegExp['lastMatch']",
    [
      { code: 'CAP1023', message: "RegExp.lastMatch is a legacy API and is not supported: Capsule keeps no global state of the last match. Read the match result instead (the array from exec() or match(), its index and groups).", at: [1, 1, 1, 20] },
    ],
  ],
  [
    "arguments in a function",
    "function sum() {\n  return arguments.length;\n}",
    [
      { code: 'CAP1030', message: "The 'arguments' object is not supported. Declare a rest parameter instead: function f(...args) { ... }.", at: [2, 10, 2, 19] },
    ],
  ],
  [
    "arguments in an arrow in a function",
    "function f() {\n  return () => arguments[0];\n}",
    [
      { code: 'CAP1030', message: "The 'arguments' object is not supported. Declare a rest parameter instead: function f(...args) { ... }.", at: [2, 16, 2, 25] },
    ],
  ],
  [
    "arguments at top level",
    "arguments;",
    [
      { code: 'CAP1030', message: "The 'arguments' object is not supported. Declare a rest parameter instead: function f(...args) { ... }.", at: [1, 1, 1, 10] },
    ],
  ],
  [
    "using",
    "{\n  using res = open();\n}\nfunction open() { return null; }",
    [
      { code: 'CAP1032', message: "'using' declarations are not supported. Use const, and release the resource in a try/finally block.", at: [2, 3, 2, 22] },
    ],
  ],
  [
    "await using",
    "async function f() {\n  await using res = null;\n}",
    [
      { code: 'CAP1032', message: "'await using' declarations are not supported. Use const, and release the resource in a try/finally block.", at: [2, 3, 2, 26] },
    ],
  ],
  [
    "too deep",
    `const x = ${Array(1002).fill('1').join(' + ')};`,
    [
      { code: 'CAP1091', message: "The program nests more than 1000 levels deep here. Split the expression or statement into smaller parts (for example with intermediate variables).", at: [1, 11, 1, 24] },
    ],
  ],
  [
    "several findings, in source order",
    "const a = process.argv;\nconst b = require('b');\neval(a);",
    [
      { code: 'CAP1011', message: "'process' does not exist in Capsule: there is no host process. Pass host data in through inputs and call host functions through capabilities.", at: [1, 11, 1, 18] },
      { code: 'CAP1011', message: "'require' does not exist in Capsule: modules are not supported. Put all code in one script; host functionality comes from capabilities.", at: [2, 11, 2, 18] },
      { code: 'CAP1001', message: "'eval' is not supported: Capsule never compiles code at run time. Write the code directly, or use JSON.parse to read data.", at: [3, 1, 3, 5] },
    ],
  ],
];

describe('rejected features', () => {
  it.each(cases)('%s', (...args) => {
    const [, source, globals, expected] = args.length === 4 ? args : [args[0], args[1], undefined, args[2]];
    expect(diagnose(source, globals ? { globals } : {})).toEqual(expected);
  });
});
