function bad(a = b, b = 1) {
  return [a, b];
}
const r = [bad(5)];
try {
  bad();
} catch (e) {
  r.push(e.name);
}
r
