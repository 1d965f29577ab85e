let x = 0;
for (let i = 0; i < 10; i++) x += 0.1;
let y = 1;
let steps = 0;
while (y > 0 && steps < 2000) {
  y /= 2;
  steps++;
}
let z = 1;
while (z + 1 !== z) z *= 2;
[x, x === 1, steps, z, Math.log2(z)]
