// JSON round trips: a 2k-object structure (strings, numbers, booleans, null, nested
// arrays and objects) stringified and parsed back 5 times.
// Measures JSON.stringify / JSON.parse and the allocation of the parsed object graph.
let seed = 11;
function next() {
  seed = (seed * 48271) % 2147483647;
  return seed;
}
const data = [];
for (let i = 0; i < 2000; i++) {
  data.push({
    id: i,
    name: 'user-' + i,
    active: i % 3 === 0,
    manager: i % 5 === 0 ? null : i - (i % 5),
    tags: ['t' + (i % 7), 't' + (i % 11), 'x'],
    pos: { x: next() % 1000, y: next() % 1000, label: 'p"' + (i % 13) + '\n' },
  });
}
let value = data;
let text = '';
let totalLength = 0;
for (let round = 0; round < 5; round++) {
  text = JSON.stringify(value);
  totalLength += text.length;
  value = JSON.parse(text);
}
let xs = 0;
for (let i = 0; i < value.length; i++) xs += value[i].pos.x;
({ length: text.length, totalLength, xs, last: value[value.length - 1].name });
