function reassign(a, b = 2) {
  a = 'changed';
  b = b * 10;
  return [a, b];
}
function mutateParamObject(o) {
  o.touched = true;
  o = { replaced: true };
  return o;
}
const original = { touched: false };
const returned = mutateParamObject(original);
[reassign('orig'), reassign(1, 5), original, returned]
