// diff: compare-messages
// V8's messages when a private member is missing: a method or accessor fails its class's brand
// check (instance: "Receiver must be an instance of class A", static: "Receiver must be class A",
// a nameless class expression is "anonymous"); null and undefined receivers; fields name themselves.
const r = [];
const t = (f) => { try { f(); r.push('ok'); } catch (e) { r.push(e.constructor.name + ': ' + e.message); } };
class A { #m() {} get #g() { return 1; } set #s(v) {} static #sm() {} #f = 1;
  static callM(o) { return o.#m(); } static readG(o) { return o.#g; } static writeS(o) { o.#s = 1; } static callSM(o) { return o.#sm(); } static readM(o) { return o.#m; } static writeM(o) { o.#m = 1; } static writeF(o) { o.#f = 2; } static readS(o) { return o.#s; } static writeG(o) { o.#g = 1; } }
const Anon = class { #m() {} static callM(o) { return o.#m(); } };
const o = {};
t(() => A.callM(o)); t(() => A.readG(o)); t(() => A.writeS(o)); t(() => A.callSM(o)); t(() => A.readM(o)); t(() => A.writeM(new A())); t(() => A.writeF(o)); t(() => A.readS(new A())); t(() => A.writeG(new A())); t(() => Anon.callM(o));
t(() => A.callM(null)); t(() => A.callM(1));
{
class A { #m() {} #f = 1; get #g() { return 1; } static #sm() {} static #sf = 1;
  static callM(o) { return o.#m(); } static readF(o) { return o.#f; } static writeF(o) { o.#f = 1; } static readG(o) { return o.#g; } static callSM(o) { return o.#sm(); } static readSF(o) { return o.#sf; } static writeM(o) { o.#m = 1; } }
t(() => A.callM(null)); t(() => A.callM(undefined)); t(() => A.readF(null)); t(() => A.writeF(undefined)); t(() => A.readG(null)); t(() => A.callSM(null)); t(() => A.readSF(null)); t(() => A.callSM({})); t(() => A.readSF({})); t(() => A.writeM({})); t(() => A.callSM(new A()));
class B extends A {} t(() => A.callSM(B));
}
{
class P { #p; static has(o) { return #p in o; } }
for (const v of [1, 'str', null, undefined, Symbol('s'), 2n, true]) t(() => P.has(v));
}
r
