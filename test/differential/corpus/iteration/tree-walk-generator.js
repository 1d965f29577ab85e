const tree = {
  name: 'root',
  children: [
    { name: 'a', children: [{ name: 'a1', children: [] }, { name: 'a2', children: [] }] },
    { name: 'b', children: [{ name: 'b1', children: [] }] },
  ],
};
function* dfs(node, depth = 0) {
  yield `${'-'.repeat(depth)}${node.name}`;
  for (const c of node.children) yield* dfs(c, depth + 1);
}
function* bfs(root) {
  const queue = [root];
  while (queue.length) {
    const n = queue.shift();
    yield n.name;
    queue.push(...n.children);
  }
}
[[...dfs(tree)], [...bfs(tree)]]
