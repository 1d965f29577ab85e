class Shape {
  constructor(name) { this.name = name; }
  area() { return 0; }
  describe() { return `${this.name} with area ${this.area().toFixed(2)}`; }
}
class Circle extends Shape {
  constructor(r) { super('circle'); this.r = r; }
  area() { return Math.PI * this.r ** 2; }
}
class Square extends Shape {
  constructor(s) { super('square'); this.s = s; }
  area() { return this.s * this.s; }
  describe() { return super.describe().toUpperCase(); }
}
const shapes = [new Circle(1), new Square(3), new Shape('blob')];
[shapes.map((s) => s.describe()), shapes.map((s) => s instanceof Shape), Object.getPrototypeOf(Circle) === Shape]
