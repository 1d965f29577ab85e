const r = [];
try {
  new Later();
} catch (e) {
  r.push(e.name);
}
class Later {}
r.push(typeof Later);
try {
  class SelfRef extends SelfRef {}
} catch (e) {
  r.push(e.name);
}
r
