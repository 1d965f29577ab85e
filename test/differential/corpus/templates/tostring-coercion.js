const obj = {
  toString() { return 'from toString'; },
  valueOf() { return 42; },
};
const sym = Symbol('s');
const res = [`${obj}`, '' + obj, obj + 1, String(obj)];
try {
  res.push(`${sym}`);
} catch (e) {
  res.push(e.name);
}
res.push(`${String(sym)}`, `${[1, [2, [3]]]}`, `${[null, undefined]}`);
res
