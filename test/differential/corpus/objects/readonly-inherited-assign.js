const proto = Object.freeze({ x: 1 });
const obj = Object.create(proto);
let err = null;
try {
  obj.x = 2;
} catch (e) {
  err = e.name;
}
Object.defineProperty(obj, 'x', { value: 3, writable: true, enumerable: true, configurable: true });
[err, obj.x, proto.x, Object.keys(obj)]
