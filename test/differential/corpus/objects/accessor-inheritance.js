const base = {
  _v: 'base',
  get v() { return this._v; },
  set v(x) { this._v = 'set:' + x; },
};
const child = Object.create(base);
child.v = 'child';
const plain = Object.create({ fixed: 1 });
plain.fixed = 2;
[child.v, Object.hasOwn(child, '_v'), Object.hasOwn(child, 'v'), base._v, plain.fixed, Object.getPrototypeOf(plain).fixed]
