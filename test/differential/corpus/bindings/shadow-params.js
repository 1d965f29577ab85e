function f(x, y) {
  {
    let x = 'block';
    y = x + '!';
  }
  return [x, y];
}
const g = (a) => {
  const inner = (a) => a * 2;
  return inner(a + 1) + a;
};
[f(1, 2), g(3)]
