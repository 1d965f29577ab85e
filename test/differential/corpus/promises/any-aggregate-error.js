const r = [];
r.push(await Promise.any([Promise.reject(new Error('a')), Promise.resolve('b'), Promise.resolve('c')]));
try {
  await Promise.any([Promise.reject(new Error('x')), Promise.reject(new TypeError('y'))]);
} catch (e) {
  r.push(e.name, e instanceof AggregateError, e instanceof Error, e.errors.map((x) => x.message));
}
try {
  await Promise.any([]);
} catch (e) {
  r.push(e.name, e.errors.length);
}
r
