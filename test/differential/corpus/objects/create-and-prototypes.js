const proto = { hello() { return 'hello ' + this.name; } };
const o = Object.create(proto);
o.name = 'obj';
const bare = Object.create(null);
bare.k = 1;
const withProps = Object.create(proto, { name: { value: 'defined', enumerable: false } });
[
  o.hello(), Object.getPrototypeOf(o) === proto, proto.isPrototypeOf(o), Object.prototype.isPrototypeOf(bare),
  Object.getPrototypeOf(bare), Object.keys(bare), withProps.hello(), Object.keys(withProps),
  Object.getPrototypeOf(Object.prototype), Object.getPrototypeOf([]) === Array.prototype,
]
