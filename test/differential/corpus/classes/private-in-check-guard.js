class Vec {
  #x;
  #y;
  constructor(x, y) { this.#x = x; this.#y = y; }
  static isVec(o) { return #x in o; }
  equals(other) {
    if (!Vec.isVec(other)) return false;
    return this.#x === other.#x && this.#y === other.#y;
  }
  plus(o) { return new Vec(this.#x + o.#x, this.#y + o.#y); }
  toArray() { return [this.#x, this.#y]; }
}
const a = new Vec(1, 2);
[a.equals(new Vec(1, 2)), a.equals({ x: 1, y: 2 }), a.plus(new Vec(3, 4)).toArray(), Vec.isVec(a), JSON.stringify(a)]
