// id: ctor-builtin-functions
// technique: constructor chains from every built-in function reachable from the global object
// source: vm2 escapes through host built-ins exposed to the sandbox; node:vm contextified globals
// expect: result
const seen = new Set();
const queue = [globalThis];
let n = 0;
while (queue.length && n < 3000) {
  const o = queue.shift();
  if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) continue;
  seen.add(o);
  n++;
  for (const k of Object.getOwnPropertyNames(o)) {
    const d = Object.getOwnPropertyDescriptor(o, k);
    for (const v of [d.value, d.get, d.set]) {
      if (typeof v === 'function' || (typeof v === 'object' && v !== null)) queue.push(v);
      if (typeof v === 'function') {
        try {
          const c = v.constructor;
          if (c !== (() => 0).constructor) R.push('ESCAPED: a built-in has another constructor: ' + k);
          try { c('return 1'); R.push('ESCAPED: code generation via ' + k); } catch {}
        } catch {}
      }
    }
  }
}
R.push('visited ' + n + ' objects');
R
