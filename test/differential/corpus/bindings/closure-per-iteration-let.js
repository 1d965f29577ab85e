const fns = [];
for (let i = 0; i < 4; i++) {
  fns.push(() => i * 10);
}
const varFns = [];
for (var j = 0; j < 4; j++) {
  varFns.push(() => j);
}
[fns.map((f) => f()), varFns.map((f) => f())]
