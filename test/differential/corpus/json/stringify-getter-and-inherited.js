const proto = { inherited: 'not included' };
const o = Object.create(proto);
o.own = 1;
Object.defineProperty(o, 'computed', { get: () => 'from getter', enumerable: true });
Object.defineProperty(o, 'secret', { get: () => 'hidden', enumerable: false });
class Pt {
  #priv = 1;
  x = 1;
  get y() { return 2; }
}
[JSON.stringify(o), JSON.stringify(new Pt()), JSON.stringify([new Pt()])]
