class Tree {
  constructor(value, children = []) {
    this.value = value;
    this.children = children;
  }
  *[Symbol.iterator]() {
    yield this.value;
    for (const c of this.children) yield* c;
  }
  static *range(n) {
    for (let i = 0; i < n; i++) yield i;
  }
}
const t = new Tree(1, [new Tree(2, [new Tree(3)]), new Tree(4)]);
[[...t], [...Tree.range(3)], Math.max(...t)]
