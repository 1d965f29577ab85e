const ticks = (n) => {
  let p = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(() => {});
  return p;
};
const completion = [];
const make = (v, n) => ticks(n).then(() => {
  completion.push(v);
  return v;
});
const results = await Promise.all([make('first', 4), make('second', 1), make('third', 2)]);
[results, completion]
