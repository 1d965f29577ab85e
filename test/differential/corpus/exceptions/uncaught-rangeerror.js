// diff: throws
const sizes = [3, 2, -1];
const arrays = [];
for (const s of sizes) {
  arrays.push(new Array(s).fill(0));
  console.log('made', s);
}
arrays
