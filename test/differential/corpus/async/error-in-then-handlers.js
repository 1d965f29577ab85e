const results = [];
await Promise.resolve(1)
  .then((v) => {
    throw new Error('in then ' + v);
  })
  .then(() => results.push('skipped'))
  .catch((e) => {
    results.push(e.message);
    return 'recovered';
  })
  .then((v) => results.push(v))
  .finally(() => results.push('finally'));
results
