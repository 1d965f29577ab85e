const tasks = {
  fetchUser: { deps: [], run: async () => ({ id: 7, name: 'ann' }) },
  fetchOrders: { deps: ['fetchUser'], run: async ({ fetchUser }) => [{ user: fetchUser.id, total: 30 }, { user: fetchUser.id, total: 12 }] },
  fetchPrefs: { deps: ['fetchUser'], run: async ({ fetchUser }) => ({ currency: 'EUR', user: fetchUser.name }) },
  report: {
    deps: ['fetchOrders', 'fetchPrefs'],
    run: async ({ fetchOrders, fetchPrefs }) => `${fetchPrefs.user}: ${fetchOrders.reduce((s, o) => s + o.total, 0)} ${fetchPrefs.currency}`,
  },
};
const order = [];
const memo = new Map();
function runTask(name) {
  if (!memo.has(name)) {
    memo.set(name, (async () => {
      const depValues = await Promise.all(tasks[name].deps.map(runTask));
      order.push(name);
      return tasks[name].run(Object.fromEntries(tasks[name].deps.map((d, i) => [d, depValues[i]])));
    })());
  }
  return memo.get(name);
}
const report = await runTask('report');
({ report, order })
