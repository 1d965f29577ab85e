class NamedOnProto extends Error {}
NamedOnProto.prototype.name = 'ProtoName';
const e = new NamedOnProto('x');
const r = [e.name, Object.hasOwn(e, 'name'), String(e)];
const te = new TypeError('t');
r.push(Object.hasOwn(te, 'name'), TypeError.prototype.name, Object.getPrototypeOf(TypeError) === Error, Object.getPrototypeOf(TypeError.prototype) === Error.prototype);
r
