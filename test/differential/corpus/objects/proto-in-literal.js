const base = { greet() { return 'hi from base'; }, kind: 'base' };
const child = { __proto__: base, kind: 'child' };
const nullProto = { __proto__: null, a: 1 };
const computedProto = { ['__proto__']: 'just a key' };
const shorthand = (() => { const __proto__ = 'shorthand'; return { __proto__ }; })();
[
  child.greet(), child.kind, Object.getPrototypeOf(child) === base, Object.keys(child),
  Object.getPrototypeOf(nullProto), 'toString' in nullProto,
  Object.keys(computedProto), Object.getPrototypeOf(computedProto) === Object.prototype,
  Object.keys(shorthand), Object.getPrototypeOf(shorthand) === Object.prototype,
]
