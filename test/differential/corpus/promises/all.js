const r = [];
r.push(await Promise.all([1, Promise.resolve(2), { then: (res) => res(3) }]));
r.push(await Promise.all([]));
r.push(await Promise.all(new Set([Promise.resolve('s')])));
try {
  await Promise.all([Promise.resolve(1), Promise.reject(new TypeError('t')), Promise.reject(new RangeError('r'))]);
} catch (e) {
  r.push(e.name);
}
try {
  await Promise.all(5);
} catch (e) {
  r.push(e.name);
}
r
