class Node {
  static create() { return new Node(); }
  clone() { return new Node(); }
}
const Original = Node;
const created = Node.create();
let reassignErr;
class Immutable {
  static tryReassign() {
    try {
      Immutable = null;
    } catch (e) {
      reassignErr = e.name;
    }
  }
}
Immutable.tryReassign();
const Expr = class Named {
  who() { return Named.name; }
};
[created instanceof Original, Node.name, new Expr().who(), Expr.name, typeof Named, reassignErr, typeof Immutable]
