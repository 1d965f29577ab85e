class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  add(other) {
    return new Point(this.x + other.x, this.y + other.y);
  }
  toString() {
    return `(${this.x}, ${this.y})`;
  }
}
const p = new Point(1, 2).add(new Point(10, 20));
[p.x, p.y, String(p), `${p}`, p instanceof Point, typeof Point, Object.keys(p), Object.getOwnPropertyNames(Point.prototype)]
