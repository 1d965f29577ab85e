const values = [Promise.resolve('a'), 'plain', Promise.resolve('c')];
const seen = [];
for await (const v of values) seen.push(v);
const rejected = [Promise.resolve(1), Promise.reject(new Error('second fails'))];
try {
  for await (const v of rejected) seen.push(v);
} catch (e) {
  seen.push('caught ' + e.message);
}
seen
