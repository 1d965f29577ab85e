const fns = [];
let i = 0;
while (i < 3) {
  const captured = i;
  fns.push(() => captured);
  i++;
}
const shared = [];
let j = 0;
while (j < 3) {
  shared.push(() => j);
  j++;
}
[fns.map((f) => f()), shared.map((f) => f())]
