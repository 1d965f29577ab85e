let x = 10n;
x++;
x += 5n;
x *= 2n;
x -= 1n;
x **= 2n;
x /= 7n;
x %= 1000n;
let y = 0n;
y--;
--y;
const r = [x, y, typeof x];
try { x += 1; } catch (e) { r.push(e.name); }
r
