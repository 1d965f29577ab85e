class Registry {
  static count = 0;
  static items = [];
  static register(name) {
    this.count++;
    Registry.items.push(name);
    return this;
  }
  static get summary() {
    return `${this.count}: ${this.items.join(',')}`;
  }
}
Registry.register('a').register('b');
class SubRegistry extends Registry {}
SubRegistry.register('c');
[Registry.count, SubRegistry.count, Registry.summary, SubRegistry.summary, Object.hasOwn(SubRegistry, 'count')]
