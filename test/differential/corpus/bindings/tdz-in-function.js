function readLater() {
  return value;
}
const r = [];
try {
  readLater();
} catch (e) {
  r.push(e.name, e instanceof ReferenceError);
}
let value = 'ready';
r.push(readLater());
r
