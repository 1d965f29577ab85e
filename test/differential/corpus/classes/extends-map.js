class DefaultMap extends Map {
  constructor(factory, entries) {
    super(entries);
    this.factory = factory;
  }
  get(key) {
    if (!this.has(key)) this.set(key, this.factory(key));
    return super.get(key);
  }
}
const m = new DefaultMap(() => [], [['seed', ['s']]]);
m.get('a').push(1);
m.get('a').push(2);
m.get('b');
[[...m.keys()], m.get('a'), m.size, m instanceof Map]
