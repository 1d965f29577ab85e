const a = Symbol('desc');
const b = Symbol('desc');
const noDesc = Symbol();
const emptyDesc = Symbol('');
[
  typeof a, a === b, a.toString(), a.description, noDesc.description, emptyDesc.description, String(noDesc),
  Object(a) instanceof Symbol, typeof Object(a), a.valueOf() === a, Symbol.prototype.toString.call(a),
]
