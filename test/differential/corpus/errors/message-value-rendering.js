// diff: compare-messages
// V8 prints a value inside a message without running script code: primitives as strings,
// functions as their source, errors as "Name: message", objects whose toString is
// Object.prototype.toString as #<Ctor>, the rest as [object Tag].
class Foo {}
const vals = {
  num: 1.5, str: 'abc', nul: null, undef: undefined, sym: Symbol('s'), big: 10n,
  plain: {}, foo: new Foo(), arr: [1, 2], fn: function g() {}, arrow: (a) => a, klass: class K {},
  date: new Date(0), err: new Error('m'), bare: new RangeError(), re: /x/g, map: new Map(),
  custom: { toString() { return 'T'; } }, nullp: Object.create(null), tagged: { [Symbol.toStringTag]: 'Tg' },
};
const tests = {
  create: (v) => Object.create(v),
  defineProperty: (v) => Object.defineProperty({}, 'k', v),
  in: (v) => 'k' in v,
  extends: (v) => { class A extends v {} return A; },
  promise: (v) => new Promise(v),
  receiver: (v) => Map.prototype.get.call(v, 1),
  iteratorResult: (v) => { for (const x of { [Symbol.iterator]: () => ({ next: () => v }) }) return x; },
  fromEntries: (v) => Object.fromEntries([v]),
  callback: (v) => [1].map(v),
  with: (v) => [].with(v, 1),
};
const out = [];
for (const [tn, f] of Object.entries(tests)) {
  for (const [vn, v] of Object.entries(vals)) {
    try {
      f(v);
      out.push(`${tn} ${vn}: ok`);
    } catch (e) {
      out.push(`${tn} ${vn}: ${e.name}: ${e.message}`);
    }
  }
}
for (const [vn, o] of Object.entries(vals)) {
  if (o === null || (typeof o !== 'object' && typeof o !== 'function')) continue;
  Object.defineProperty(o, 'ro', { value: 1 });
  Object.defineProperty(o, 'go', { get() { return 1; } });
  for (const f of [() => { o.ro = 2; }, () => { o.go = 2; }, () => delete o.ro]) {
    try {
      f();
    } catch (e) {
      out.push(`${vn}: ${e.message}`);
    }
  }
}
out;
