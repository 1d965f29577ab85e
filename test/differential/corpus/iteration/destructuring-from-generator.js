let produced = 0;
function* nums() {
  try {
    while (true) {
      produced++;
      yield produced;
    }
  } finally {
    produced = -produced;
  }
}
const [a, b, c] = nums();
const afterThree = produced;
const [x, , y] = nums();
[a, b, c, afterThree, x, y, produced]
