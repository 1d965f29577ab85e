// id: ctor-super-home-object
// technique: super property access and home objects to reach Function.prototype and Object.prototype methods
// source: SES issues on [[HomeObject]] and super property lookups; JS-in-JS interpreters that implement super with host objects
// expect: result
const base = { hi() { return 'base'; } };
const o = { __proto__: base, m() { return super.constructor; }, n() { return super.hi.constructor; } };
tryCode('super.constructor', attempt('super ctor', () => o.m()));
tryCode('super method ctor', attempt('super method ctor', () => o.n()));
class A extends Object { static s() { return super.constructor; } }
tryCode('static super', attempt('static super', () => A.s()));
R
