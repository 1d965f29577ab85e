// Reflection over built-ins lists their own keys in V8's order: prototypes and constructors
// (names, then symbols), including the self-hosted methods installed after the others.
const names = (o) => Object.getOwnPropertyNames(o).join(' ');
const syms = (o) => Object.getOwnPropertySymbols(o).map(String).join(' ');
const gen = Object.getPrototypeOf(function* () {}).prototype;
const fnProto = Object.getPrototypeOf(() => 1);
const objects = [Array.prototype, String.prototype, RegExp.prototype, fnProto, Symbol.prototype, Map.prototype, Set.prototype, gen, Array, Number.prototype, Date.prototype, Math, JSON];
const out = [];
for (const o of objects) out.push(names(o), syms(o));
out
