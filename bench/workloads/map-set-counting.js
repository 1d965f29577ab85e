// Map/Set counting: word frequencies over a generated 60k-word text (2k-word vocabulary,
// skewed distribution). Builds the text with join, splits it, counts with a Map, collects
// distinct words and first letters in Sets, then iterates the Map to find the top word.
let seed = 5;
function next() {
  seed = (seed * 48271) % 2147483647;
  return seed;
}
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'be', 'da', 'fe', 'go'];
const vocabulary = [];
for (let i = 0; i < 2000; i++) {
  let w = syllables[i % 12] + syllables[Math.floor(i / 12) % 12];
  if (i >= 144) w += syllables[Math.floor(i / 144) % 12];
  vocabulary.push(w);
}
const words = [];
for (let i = 0; i < 60000; i++) {
  const r = next() % 2000;
  words.push(vocabulary[(r * r) % 2000 === 0 ? 0 : Math.floor((r * r) / 2000)]);
}
const text = words.join(' ');
const counts = new Map();
const distinct = new Set();
const initials = new Set();
for (const word of text.split(' ')) {
  counts.set(word, (counts.get(word) || 0) + 1);
  distinct.add(word);
  initials.add(word.slice(0, 1));
}
let topWord = '';
let topCount = 0;
for (const [word, count] of counts) {
  if (count > topCount) {
    topWord = word;
    topCount = count;
  }
}
({ words: words.length, unique: counts.size, distinct: distinct.size, initials: initials.size, topWord, topCount });
