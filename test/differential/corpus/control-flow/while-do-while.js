let i = 0;
const w = [];
while (i < 5) {
  i++;
  if (i === 2) continue;
  w.push(i);
}
let j = 10;
const d = [];
do {
  d.push(j);
  j++;
} while (j < 10);
let k = 0;
do k += 3; while (k < 10);
[w, d, k]
