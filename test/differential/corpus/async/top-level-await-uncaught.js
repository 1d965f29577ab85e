// diff: throws compare-messages
async function load(name) {
  await null;
  if (name === 'missing') throw new Error(`cannot load ${name}`);
  return { name };
}
const first = await load('config');
console.log('loaded', first.name);
await load('missing');
'unreachable'
