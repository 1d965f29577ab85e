const tagged = { [Symbol.toStringTag]: 'Custom' };
class Widget {
  get [Symbol.toStringTag]() { return 'Widget'; }
}
const t = (v) => Object.prototype.toString.call(v);
[
  t(tagged), t(new Widget()), t(undefined), t(1), t('s'), t(true), t([]), t(new Map()), t(new Set()),
  t(/r/), t(new Date(0)), t(new Error('e')), t(Symbol()), t(1n), t(Promise.resolve()), t(JSON), t(Math), t(function () {}),
]
