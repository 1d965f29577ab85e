// JSON.stringify reads own enumerable properties (getters included), never inherited ones
const proto = { inherited: 'not included' };
const o = Object.create(proto);
o.own = 1;
const withGetter = { own: 1, get computed() { return 'from getter'; } };
Object.defineProperty(o, 'hidden', { value: 'not enumerable', enumerable: false });
class Pt {
  #priv = 1;
  x = 1;
  get y() { return 2; }
}
[JSON.stringify(o), JSON.stringify(withGetter), JSON.stringify(new Pt()), JSON.stringify([new Pt()])]
