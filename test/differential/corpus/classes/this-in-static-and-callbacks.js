class Util {
  static factor = 3;
  static scale(list) {
    return list.map((x) => x * this.factor);
  }
  static scaleFn(list) {
    const self = this;
    return list.map(function (x) { return x * self.factor; });
  }
}
const { scale } = Util;
let err = null;
try { scale([1]); } catch (e) { err = e.name; }
[Util.scale([1, 2]), Util.scaleFn([3]), err]
