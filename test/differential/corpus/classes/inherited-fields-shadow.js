class Base {
  value = 'base';
  getValue() { return this.value; }
}
class Child extends Base {
  value = 'child';
}
class Accessor extends Base {
  get value() { return 'accessor'; }
  set value(v) {}
}
[new Base().getValue(), new Child().getValue(), new Accessor().getValue(), Object.hasOwn(new Accessor(), 'value')]
