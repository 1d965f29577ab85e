// id: interpreter-magic-property-names
// technique: property names that JS-in-JS interpreters store in host objects: __proto__, constructor, prototype, hasOwnProperty, valueOf, toString used as data keys, Map keys and shape keys
// source: vm2 GHSA-grj5-jjm8-h35p (breakout through __lookupGetter__) and issue #184 (Buffer.from.__lookupGetter__('__proto__')); JS-in-JS interpreters storing guest properties on host objects
// expect: result
const keys = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'valueOf', 'toString', '__defineGetter__', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'then', 'length', 'name', 'caller', 'callee', 'arguments'];
const o = {};
for (const k of keys) attempt('set ' + k, () => { o[k] = 'data-' + k; return o[k]; });
attempt('own keys', () => Object.keys(o));
const m = new Map();
for (const k of keys) m.set(k, 1);
attempt('map size', () => m.size);
attempt('json of magic keys', () => JSON.stringify(o));
escaped('magic key changed the prototype', Object.getPrototypeOf(o) !== Object.prototype);
attempt('echo magic keys', () => Object.keys(echo(o).args[0]).length);
R
