const p = Promise.resolve(1);
const r = [Promise.resolve(p) === p, Promise.reject(new Error('x')) instanceof Promise];
const rej = Promise.reject(p);
r.push(await rej.catch((reason) => reason === p));
Promise.reject(new Error('silenced')).catch(() => {});
const thenable = { then(onF) { onF('adopted'); } };
r.push(await Promise.resolve(thenable));
r.push(await Promise.resolve(Promise.resolve(Promise.resolve('deep'))));
r
