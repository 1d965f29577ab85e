const fact = function self(n) {
  return n <= 1 ? 1 : n * self(n - 1);
};
let ok = [];
const f = function me() {
  try {
    me = 1;
  } catch (e) {
    ok.push(e.name);
  }
  return typeof me;
};
ok.push(f());
[fact(5), typeof self, ok]
