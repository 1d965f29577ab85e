// String building and splitting: a 12k-row CSV built with += (plus one join per row),
// then split into lines and fields, parsed back to numbers and aggregated.
// Measures string concatenation, number<->string conversion, split and join.
let seed = 7;
function next() {
  seed = (seed * 48271) % 2147483647;
  return seed;
}
let csv = 'id,name,qty,cents\n';
for (let i = 0; i < 12000; i++) {
  const fields = [i, 'item' + (next() % 500), next() % 100, next() % 100000];
  csv += fields.join(',') + '\n';
}
const lines = csv.split('\n');
let rows = 0;
let qty = 0;
let cents = 0;
let longNames = 0;
for (let i = 1; i < lines.length; i++) {
  const line = lines[i];
  if (line === '') continue;
  const f = line.split(',');
  rows += 1;
  qty += Number(f[2]);
  cents += Number(f[3]);
  if (f[1].length > 6) longNames += 1;
}
({ length: csv.length, rows, qty, cents, longNames });
