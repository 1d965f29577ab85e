const log = [];
const tasks = ['a', 'b', 'c'].map((name) => () => {
  log.push('start ' + name);
  return Promise.resolve(name.toUpperCase());
});
const results = await tasks.reduce(
  (chain, task) => chain.then((acc) => task().then((v) => [...acc, v])),
  Promise.resolve([]),
);
[results, log]
