const TREE = {
  root: ['docs', 'src'],
  docs: ['readme', 'guide'],
  src: ['core', 'cli'],
  core: ['vm', 'gc'],
  readme: [], guide: [], cli: [], vm: [], gc: [],
};
let fetches = 0;
async function children(id) {
  fetches++;
  await null;
  return TREE[id];
}
async function walk(id, depth = 0) {
  const kids = await children(id);
  const sub = await Promise.all(kids.map((k) => walk(k, depth + 1)));
  return { id, depth, size: 1 + sub.reduce((s, n) => s + n.size, 0), leaves: kids.length ? sub.flatMap((n) => n.leaves) : [id] };
}
const tree = await walk('root');
({ size: tree.size, leaves: tree.leaves, fetches })
