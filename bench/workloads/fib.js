// Recursive calls: naive Fibonacci. Measures call/return overhead, argument passing
// and small-integer arithmetic; allocates nothing.
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
fib(25);
