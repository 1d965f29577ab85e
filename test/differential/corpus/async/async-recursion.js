async function countdown(n, acc = []) {
  if (n === 0) return acc;
  acc.push(n);
  await null;
  return countdown(n - 1, acc);
}
async function sumTree(node) {
  if (!node) return 0;
  const [l, r] = await Promise.all([sumTree(node.left), sumTree(node.right)]);
  return node.value + l + r;
}
const tree = { value: 1, left: { value: 2, left: { value: 4 } }, right: { value: 3 } };
[await countdown(5), await sumTree(tree)]
