async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  const order = [];
  let next = 0;
  async function runner(id) {
    while (next < tasks.length) {
      const i = next++;
      order.push(`r${id}:t${i}`);
      results[i] = await tasks[i]();
    }
  }
  await Promise.all(Array.from({ length: limit }, (_, id) => runner(id)));
  return { results, order };
}
const tasks = [3, 1, 4, 1, 5].map((n) => async () => {
  for (let i = 0; i < n; i++) await null;
  return n * 10;
});
await pool(tasks, 2)
