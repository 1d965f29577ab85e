const results = await Promise.allSettled([
  Promise.resolve('ok'),
  Promise.reject(new Error('bad')),
  42,
  new Promise((_, reject) => reject('plain reason')),
]);
results.map((r) => (r.status === 'fulfilled' ? r : { status: r.status, reason: r.reason instanceof Error ? r.reason.message : r.reason }))
