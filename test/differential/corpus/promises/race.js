const ticks = (n, v, fail) => {
  let p = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(() => {});
  return p.then(() => {
    if (fail) throw new Error(v);
    return v;
  });
};
const r = [];
r.push(await Promise.race([ticks(3, 'slow'), ticks(1, 'fast')]));
r.push(await Promise.race([ticks(3, 'slow'), ticks(1, 'fast-fail', true)]).catch((e) => 'rejected: ' + e.message));
r.push(await Promise.race([ticks(2, 'p'), 'immediate']));
const never = Promise.race([]);
const state = await Promise.race([never.then(() => 'settled'), ticks(2, 'still pending')]);
r.push(state);
r
