const ctors = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError];
ctors.map((C) => {
  const e = new C('msg');
  return [e.name, e.message, e instanceof Error, e instanceof C, String(e), Object.prototype.toString.call(e), C.name];
})
