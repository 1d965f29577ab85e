function* stubborn() {
  try {
    yield 'a';
  } finally {
    yield 'cleanup-1';
    yield 'cleanup-2';
  }
}
const g = stubborn();
[g.next(), g.return('R'), g.next(), g.next(), g.next()]
