class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
class Empty {}
class WithPrivate {
  #hidden = 1;
  visible = 2;
}
console.log(new Point(1, 2));
console.log([new Point(0, 0)]);
console.log(new Empty());
console.log(new WithPrivate());
console.log({ p: new Point(3, 4) });
'ok'
