function factorial(n) {
  let r = 1n;
  for (let i = 2n; i <= n; i++) r *= i;
  return r;
}
function fib(n) {
  let a = 0n, b = 1n;
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}
[factorial(25n).toString(), factorial(0n), fib(100).toString(), String(fib(100)).length, factorial(30n) % 1000000007n]
