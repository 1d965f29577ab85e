// diff: throws compare-messages
const TOOLS = { lookup: async (q) => ({ q, hits: 3 }), write: async () => { throw new Error('write access denied'); } };
async function step(name, arg) {
  console.log(`calling ${name}`);
  const r = await TOOLS[name](arg);
  console.log(`${name} ok`);
  return r;
}
const found = await step('lookup', 'capsule');
await step('write', found);
'never'
