/**
 * Stable diagnostic codes of the front end. Codes are part of the public contract: tools,
 * docs (docs/LANGUAGE.md) and tests refer to them, so a code is never renumbered or reused.
 *
 * CAP0xxx are syntax errors (thrown as ParseError); CAP1xxx are validation findings.
 */
export const Code = {
  /** The source is not valid strict-mode JavaScript (includes `with`, legacy octal, `delete x`). */
  Syntax: 'CAP0001',

  /** `eval`. */
  Eval: 'CAP1001',
  /** `Function` and the other function constructors. */
  FunctionConstructor: 'CAP1002',
  /** `with` statement (only reachable for ASTs not produced by parseProgram; strict mode rejects it). */
  With: 'CAP1003',
  /** `import` / `export` declarations. */
  ModuleSyntax: 'CAP1004',
  /** `import(...)`. */
  DynamicImport: 'CAP1005',
  /** `import.meta`. */
  ImportMeta: 'CAP1006',
  /** `Proxy`, `Reflect`. */
  Reflection: 'CAP1007',
  /** `WeakMap`, `WeakSet`, `WeakRef`, `FinalizationRegistry`. */
  WeakReference: 'CAP1008',
  /** `SharedArrayBuffer`, `Atomics`. */
  SharedMemory: 'CAP1009',
  /** `ArrayBuffer`, `DataView`, typed arrays. */
  BinaryData: 'CAP1010',
  /** Node/browser host globals: `process`, `require`, `window`, `fetch`, ... */
  HostGlobal: 'CAP1011',
  /** Host timers: `setTimeout`, `setInterval`, `queueMicrotask`, ... */
  Timer: 'CAP1012',
  /** A free reference to a name that is neither declared, built in, nor provided by the host. */
  UnknownGlobal: 'CAP1013',
  /** A standard/web built-in Capsule does not provide: `structuredClone`, `TextEncoder`, `URL`, ... */
  UnprovidedBuiltin: 'CAP1014',

  /** Writing to a built-in object, its prototype, or a built-in global binding. */
  BuiltinMutation: 'CAP1020',
  /** Changing an object's prototype: `Object.setPrototypeOf`, the `__proto__` accessor. */
  PrototypeChange: 'CAP1021',
  /** Legacy accessor APIs: `__defineGetter__`, `__lookupSetter__`, ... */
  LegacyAccessor: 'CAP1022',
  /** Legacy static properties of RegExp: `RegExp.$1`, `RegExp.lastMatch`, `RegExp.input`, ... */
  LegacyRegExpStatic: 'CAP1023',

  /** The `arguments` object. */
  Arguments: 'CAP1030',
  // CAP1031 is retired (top-level `this` is allowed: it is globalThis, as in a V8 script).
  /** `using` / `await using` declarations. */
  UsingDeclaration: 'CAP1032',
  /** A labelled function declaration (only reachable for ASTs not produced by parseProgram). */
  LabelledFunction: 'CAP1033',

  /** A syntax node outside the supported subset (JSX, decorators, unknown node types). */
  UnsupportedSyntax: 'CAP1090',
  /** The program nests too deeply to be processed. */
  TooDeep: 'CAP1091',
} as const;

export type DiagnosticCode = (typeof Code)[keyof typeof Code];
