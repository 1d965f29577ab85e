// Redefining a non-configurable property with what it already is succeeds; anything else is a
// TypeError (found by the fuzzer: core refused even an identical redefinition).
const o = {};
Object.defineProperty(o, 'ro', { value: 1 });
const get = () => 2;
Object.defineProperty(o, 'acc', { get, enumerable: true });
Object.defineProperty(o, 'w', { value: 1, writable: true });
const attempt = (f) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return e.name;
  }
};
[
  attempt(() => Object.defineProperty(o, 'ro', { value: 1 })),
  attempt(() => Object.defineProperty(o, 'ro', { value: 1, writable: false, enumerable: false, configurable: false })),
  attempt(() => Object.defineProperty(o, 'ro', {})),
  attempt(() => Object.defineProperty(o, 'ro', { value: 2 })),
  attempt(() => Object.defineProperty(o, 'ro', { writable: true })),
  attempt(() => Object.defineProperty(o, 'ro', { enumerable: true })),
  attempt(() => Object.defineProperty(o, 'ro', { configurable: true })),
  attempt(() => Object.defineProperty(o, 'ro', { get })),
  attempt(() => Object.defineProperty(o, 'acc', { get })),
  attempt(() => Object.defineProperty(o, 'acc', { get: () => 2 })),
  attempt(() => Object.defineProperty(o, 'acc', { value: 2 })),
  attempt(() => Object.defineProperty(o, 'w', { value: 5 })),
  attempt(() => Object.defineProperty(o, 'w', { enumerable: true })),
  attempt(() => Object.defineProperty(o, 'w', { writable: false })),
  attempt(() => Object.defineProperty(o, 'w', { value: 6 })),
  o.ro,
  o.acc,
  o.w,
  Object.keys(o),
]
