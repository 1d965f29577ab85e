function local() {
  const Math = { max: () => 'shadowed' };
  const JSON = 'not json';
  let undefined = 'defined!';
  return [Math.max(1, 2), JSON, undefined];
}
const outside = [Math.max(1, 2), typeof JSON, typeof undefined];
[local(), outside]
