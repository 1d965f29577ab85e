// Arithmetic loop: sum of (i * i) % 7 over 3M iterations. Measures the interpreter's
// dispatch loop on locals, comparisons, multiplication and modulo; allocates nothing.
let sum = 0;
for (let i = 0; i < 3000000; i++) {
  sum += (i * i) % 7;
}
sum;
