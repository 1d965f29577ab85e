function f() {
  try {
    throw new TypeError('original');
  } finally {
    throw new RangeError('replacement');
  }
}
let caught;
try {
  f();
} catch (e) {
  caught = [e.name, e.message];
}
caught
