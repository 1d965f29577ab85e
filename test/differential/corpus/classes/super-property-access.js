class A {
  static kind() { return 'A'; }
  greet() { return 'A.greet'; }
  get label() { return 'A.label'; }
}
class B extends A {
  static kind() { return 'B<' + super.kind() + '>'; }
  greet() { return 'B>' + super.greet(); }
  get label() { return 'B>' + super.label; }
  arrowSuper() { return [1].map(() => super.greet())[0]; }
}
class C extends B {
  greet() { return 'C>' + super.greet(); }
}
const c = new C();
[c.greet(), c.label, C.kind(), c.arrowSuper()]
