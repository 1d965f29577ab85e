const add3 = (a, b, c) => a + b + c;
const add1 = add3.bind(null, 1);
const add12 = add1.bind(null, 2);
function Point(x, y) {
  this.x = x;
  this.y = y;
}
const P = Point.bind(null, 10);
const p = new P(20);
[add1(2, 3), add12(3), add12.length, p.x, p.y, p instanceof Point]
