// id: tostring-builtins
// technique: Function.prototype.toString of every reachable built-in function, getter and setter
// source: SES / Node.js: built-ins implemented in JS disclose their source (and host paths) through toString
// expect: result
const fts = Object.getPrototypeOf(() => 0).toString;
const seen = new Set();
const queue = [globalThis];
let n = 0;
while (queue.length) {
  const o = queue.shift();
  if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) continue;
  seen.add(o);
  for (const k of Object.getOwnPropertyNames(o)) {
    const d = Object.getOwnPropertyDescriptor(o, k);
    for (const v of [d.value, d.get, d.set]) {
      if (typeof v === 'object' && v !== null) queue.push(v);
      if (typeof v !== 'function') continue;
      queue.push(v);
      n++;
      const text = fts.call(v);
      escaped('built-in ' + k + ' discloses source: ' + text.slice(0, 120), !/^(function|class) [\w$\[\]. ]*\(\) \{ \[native code\] \}$/.test(text) && !/^function (get |set )?[\w$\[\]. ]*\(\) \{ \[native code\] \}$/.test(text));
    }
  }
}
R.push('checked ' + n + ' functions');
R
