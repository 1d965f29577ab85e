const DICT = { hello: 'bonjour', world: 'monde', cat: 'chat', good: 'bon', morning: 'matin' };
async function translateWord(w) {
  await null;
  return DICT[w.toLowerCase()] ?? `[${w}]`;
}
async function translate(sentence) {
  const words = sentence.split(' ');
  const out = await Promise.all(words.map(translateWord));
  return out.join(' ');
}
const sentences = ['hello world', 'good morning cat', 'hello robot'];
const translated = await Promise.all(sentences.map(translate));
const unknown = [...new Set(translated.join(' ').match(/\[\w+\]/g) ?? [])];
console.info(`translated ${sentences.length} sentences, ${unknown.length} unknown words`);
({ translated, unknown })
