const gcd = (a, b) => (b ? gcd(b, a % b) : Math.abs(a));
const factorial = (n) => (n <= 1 ? 1 : n * factorial(n - 1));
const binom = (n, k) => Math.round(factorial(n) / (factorial(k) * factorial(n - k)));
const digits = (n) => String(Math.abs(n)).split('').map(Number);
const isPrime = (n) => { if (n < 2) return false; for (let i = 2; i * i <= n; i++) if (n % i === 0) return false; return true; };
[gcd(1071, 462), factorial(10), factorial(20), factorial(25), binom(10, 3), digits(-9045), [1, 2, 17, 91, 97].map(isPrime)]
