const out = [];
try {
  let a = a + 1;
  out.push(a);
} catch (e) {
  out.push(e.name);
}
try {
  const [p = q, q = 1] = [];
  out.push(p, q);
} catch (e) {
  out.push(e.name);
}
const [m = 1, n = m + 1] = [];
out.push(m, n);
out
