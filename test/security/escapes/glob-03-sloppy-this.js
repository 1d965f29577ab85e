// id: global-scan-sloppy-this
// technique: `this` in sloppy-looking functions, callbacks, getters, Function.prototype.call with null, and indirect calls: never the host global
// source: node:vm / safe-eval: (function(){return this})() returns the host global in sloppy mode
// expect: result
const vals = [];
vals.push((function () { return this; })());
vals.push((0, function () { return this; })());
vals.push(Object.getPrototypeOf(() => 0).call.call(function () { return this; }, null));
vals.push([1].map(function () { return this; })[0]);
vals.push(Object.getOwnPropertyDescriptor({ get g() { return this; } }, 'g').get.call(undefined));
vals.push((() => this)());
for (const v of vals) escaped('this is a foreign object', v !== undefined && v !== null && v !== globalThis);
R.push(vals.map((v) => (v === globalThis ? 'guest globalThis' : String(v))).join(','));
R
