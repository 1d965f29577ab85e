const r = [];
const v1 = await Promise.resolve(1).then((x) => x + 1).then((x) => x * 10);
r.push(v1);
const v2 = await Promise.reject(new Error('e')).then(() => 'skipped', (e) => 'handled ' + e.message);
r.push(v2);
const v3 = await Promise.resolve('keep').finally(() => 'ignored return');
r.push(v3);
const v4 = await Promise.reject(new Error('orig')).finally(() => {}).catch((e) => e.message);
r.push(v4);
const v5 = await Promise.resolve('x').finally(() => { throw new Error('finally throws'); }).catch((e) => e.message);
r.push(v5);
const v6 = await Promise.resolve(7).then(null, null).then(undefined).catch(() => 'no');
r.push(v6);
r
