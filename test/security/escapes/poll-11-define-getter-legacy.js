// id: pollution-legacy-accessor-apis
// technique: __defineGetter__/__lookupGetter__/__proto__ accessor reached dynamically to change prototypes
// source: JS-in-JS interpreters (eval5, sandboxjs) exposing Object.prototype.__proto__ and legacy accessors
// expect: result
const o = {};
attempt('__defineGetter__', () => o['__define' + 'Getter__']('x', () => 1));
attempt('__lookupGetter__', () => o['__lookup' + 'Getter__']('x'));
attempt('__proto__ read', () => o['__pro' + 'to__']);
attempt('__proto__ write', () => { o['__pro' + 'to__'] = { polluted: 1 }; return o.polluted; });
attempt('setPrototypeOf alias', () => { const S = Object['setPrototype' + 'Of']; return S(o, { polluted: 1 }); });
attempt('__proto__ of a built-in', () => { Object.getPrototypeOf({})['__pro' + 'to__'] = { polluted: 1 }; });
attempt('__proto__ of a frozen object', () => { const f = Object.freeze({}); f['__pro' + 'to__'] = { polluted: 1 }; return f.polluted; });
// changing the prototype of one's own object is ordinary JavaScript (V8 allows it): only shared state matters
escaped('Object.prototype polluted', ({}).polluted !== undefined || Object.getPrototypeOf(Object.getPrototypeOf({})) !== null);
R
