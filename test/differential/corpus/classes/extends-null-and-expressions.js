function mixin(Base) {
  return class extends Base {
    mixed() { return 'mixed into ' + super.who(); }
  };
}
class Root {
  who() { return 'Root'; }
}
const Mixed = mixin(Root);
const instance = new Mixed();
const r = [instance.mixed(), instance instanceof Root, Mixed.name];
try {
  class Bad extends 42 {}
} catch (e) {
  r.push(e.name);
}
r
