// id: interpreter-prototype-cycle
// technique: a prototype cycle made through the __proto__ setter or setPrototypeOf (reached by computed keys), then a property lookup that would walk the cycle forever on the host
// source: V8/SpiderMonkey "Cyclic __proto__ value" check; JS-in-JS interpreters (JS-Interpreter, sandboxjs) that loop on cyclic prototype chains. Found here: the __proto__ setter lacked the cycle and extensibility checks (host hang) — fixed in core/builtins/object.ts
// expect: result
const k = '__pro' + 'to__';
const a = {};
const b = {};
b[k] = a;
attempt('cycle through __proto__', () => { a[k] = b; });
attempt('cycle through setPrototypeOf', () => Object['setPrototype' + 'Of'](a, b));
attempt('lookup after the attempts', () => a.missing);
attempt('frozen object prototype', () => { const f = Object.freeze({}); f[k] = b; return Object.getPrototypeOf(f) === b; });
escaped('a prototype cycle was made', Object.getPrototypeOf(a) === b);
R
