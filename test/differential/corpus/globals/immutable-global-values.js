const r = [];
for (const f of [() => { undefined = 1; }, () => { NaN = 1; }, () => { Infinity = 1; }]) {
  try {
    f();
    r.push('no error');
  } catch (e) {
    r.push(e.name);
  }
}
r.push(undefined, NaN, Infinity);
r
