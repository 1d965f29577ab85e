function createStack() {
  const items = [];
  return {
    push: (...xs) => items.push(...xs),
    pop: () => items.pop(),
    peek: () => items[items.length - 1],
    size: () => items.length,
  };
}
const s = createStack();
s.push(1, 2, 3);
const popped = s.pop();
const s2 = createStack();
[popped, s.peek(), s.size(), s2.size(), s2.pop()]
