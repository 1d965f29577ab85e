class Box {
  #v = 1;
  static read(o) { return o.#v; }
  static write(o, v) { o.#v = v; }
}
const r = [];
try { Box.read({}); } catch (e) { r.push(e.name); }
try { Box.write(Object.create(Box.prototype), 2); } catch (e) { r.push(e.name); }
const b = new Box();
Box.write(b, 42);
r.push(Box.read(b));
r
