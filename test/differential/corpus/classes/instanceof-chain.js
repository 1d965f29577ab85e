class A {}
class B extends A {}
class C extends B {}
const c = new C();
const chain = [];
let p = Object.getPrototypeOf(c);
while (p) {
  chain.push(p.constructor.name);
  p = Object.getPrototypeOf(p);
}
[c instanceof A, c instanceof B, new A() instanceof C, chain, A.prototype.isPrototypeOf(c), Object.getPrototypeOf(C) === B]
