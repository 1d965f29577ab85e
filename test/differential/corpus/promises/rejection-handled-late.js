const log = [];
const p = Promise.reject(new Error('late'));
await null;
await null;
const v = await p.catch((e) => 'handled ' + e.message);
log.push(v);
log
