class Base {}
class Bad extends Base {
  constructor() {
    this.x = 1;
    super();
  }
}
class NoSuper extends Base {
  constructor() {}
}
class ReturnsObject extends Base {
  constructor() {
    return { replaced: true };
  }
}
const r = [];
try { new Bad(); } catch (e) { r.push(e.name); }
try { new NoSuper(); } catch (e) { r.push(e.name); }
r.push(new ReturnsObject());
r
