let n = 10;
const trace = [];
n += 5; trace.push(n);
n -= 3; trace.push(n);
n *= 2; trace.push(n);
n /= 4; trace.push(n);
n %= 4; trace.push(n);
n <<= 3; trace.push(n);
n >>= 1; trace.push(n);
n >>>= 1; trace.push(n);
n &= 6; trace.push(n);
n |= 9; trace.push(n);
n ^= 3; trace.push(n);
let s = 'a';
s += 1; s += null; s += [2, 3];
trace.push(s);
trace
