const evaluated = [];
const at = (v) => { evaluated.push(v); return v; };
function pick(x) {
  switch (x) {
    case at(1): return 'first';
    case at(2): return 'second';
    case at(3): return 'third';
  }
  return 'none';
}
const r = [pick(2), pick(9)];
let t = 5;
switch (true) {
  case t < 3: r.push('small'); break;
  case t < 10: r.push('medium'); break;
  default: r.push('large');
}
[r, evaluated]
