const DB = { u1: 'Ann', u2: 'Bob', u3: 'Cid' };
const cache = new Map();
let dbHits = 0;
async function getUser(id) {
  if (cache.has(id)) return cache.get(id);
  const pending = (async () => {
    dbHits++;
    await null;
    return DB[id] ?? null;
  })();
  cache.set(id, pending);
  return pending;
}
const requests = ['u1', 'u2', 'u1', 'u3', 'u2', 'u9', 'u1'];
const names = await Promise.all(requests.map(getUser));
const second = await Promise.all(['u1', 'u3'].map(getUser));
({ names, second, dbHits, cached: cache.size })
