function depth(n) {
  return n === 0 ? 0 : 1 + depth(n - 1);
}
function sumTo(n, acc = 0) {
  if (n === 0) return acc;
  return sumTo(n - 1, acc + n);
}
[depth(200), sumTo(300)]
