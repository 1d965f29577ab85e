function collatz(n) {
  let steps = 0;
  let peak = n;
  while (n !== 1) {
    n = n % 2 === 0 ? n / 2 : 3 * n + 1;
    if (n > peak) peak = n;
    steps++;
  }
  return { steps, peak };
}
[1, 6, 7, 27, 97].map(collatz)
