// Function.prototype is itself a function: typeof says so, calling it returns undefined, and
// built-ins accept it as a callback; its name is '' and its length 0. Generator and async
// functions' constructors are GeneratorFunction & co (not globals).
const FP = Object.getPrototypeOf(() => 1);
[
  typeof FP,
  FP(),
  FP.name,
  FP.length,
  String(FP),
  Object.prototype.toString.call(FP),
  FP instanceof Object,
  [1, 2].map(FP),
  Object.getOwnPropertyNames(FP).sort(),
  Object.getPrototypeOf(FP) === Object.prototype,
  Object.prototype.toString.call(Array.prototype),
  ...[function* () {}, async function () {}, async function* () {}, async () => 1].map((f) => {
    const C = f.constructor;
    return [C.name, C.length, Object.getPrototypeOf(f) === C.prototype, Object.getPrototypeOf(C) === (() => 1).constructor];
  }),
  typeof globalThis['Generator' + 'Function'],
];
