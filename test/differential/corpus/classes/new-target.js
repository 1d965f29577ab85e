class Base {
  constructor() {
    this.made = new.target.name;
  }
}
class Sub extends Base {}
function Plain() {
  return { called: new.target === undefined ? 'as function' : 'with new' };
}
class Abstract {
  constructor() {
    if (new.target === Abstract) throw new TypeError('abstract!');
  }
}
class Concrete extends Abstract {}
const r = [new Base().made, new Sub().made, Plain().called, new Plain().called, new Concrete() instanceof Abstract];
try { new Abstract(); } catch (e) { r.push(e.message); }
r
