const edges = [['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd'], ['d', 'e'], ['f', 'g']];
const graph = new Map();
for (const [x, y] of edges) {
  if (!graph.has(x)) graph.set(x, new Set());
  if (!graph.has(y)) graph.set(y, new Set());
  graph.get(x).add(y);
  graph.get(y).add(x);
}
function shortestPath(from, to) {
  const prev = new Map([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const n = queue.shift();
    if (n === to) break;
    for (const m of graph.get(n)) if (!prev.has(m)) { prev.set(m, n); queue.push(m); }
  }
  if (!prev.has(to)) return null;
  const path = [];
  for (let n = to; n !== null; n = prev.get(n)) path.unshift(n);
  return path;
}
[shortestPath('a', 'e'), shortestPath('a', 'g'), [...graph.keys()], graph.get('d').size]
