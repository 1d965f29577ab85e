const two = Promise.resolve(2);
const r = [];
r.push((await two) * 3);
r.push(await two + 1);
r.push(typeof await two);
r.push(-(await two));
r.push(await (async () => 'iife')());
r.push([await two, await Promise.resolve('x')].join());
r
