const t = true;
const f = false;
[
  t.toString(), f.toString(), String(t), `${f}`, t + 1, f + 1, t + '1', t * 10, -t, +f,
  t & f, t | f, t ^ t, ~t, t === 1, t == 1, t == '1', f == '', f == [], f == null,
  Boolean.prototype.toString.call(true), Object.prototype.toString.call(false), new Boolean(true) == true,
]
