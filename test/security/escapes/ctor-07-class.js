// id: ctor-class
// technique: constructor chains from classes: class constructors, static and instance methods, extends Function
// source: vm2 CVE-2022-36067 family: subclassing host constructors; SES 'class extends Function'
// expect: result
class A { m() {} static s() {} get g() { return 1; } }
tryChain('class', A);
tryChain('instance', new A());
tryChain('method', new A().m);
tryChain('static method', A.s);
tryChain('getter', Object.getOwnPropertyDescriptor(A.prototype, 'g').get);
attempt('extends Function', () => { const F = (() => 0).constructor; class G extends F {} return new G('return 1'); });
attempt('super constructor', () => { class B extends A { k() { return super.m.constructor('return 1'); } } return new B().k(); });
R
