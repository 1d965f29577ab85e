// id: global-host-apis-absent
// technique: typeof probes and property walks for host APIs (process.binding, module.constructor._load, Buffer, require.cache) through every object reachable from the guest
// source: vm2 CVE-2022-36067 payloads (process.binding, require('child_process'))
// expect: result
const seen = new Set();
const queue = [globalThis, echo, Promise.resolve(), [], {}, '', 1, /x/, new Map(), new Date(0), Symbol.iterator, 1n];
let found = 0;
while (queue.length) {
  const o = queue.shift();
  if (o === null || o === undefined || seen.has(o)) continue;
  seen.add(o);
  let p = o;
  for (let d = 0; d < 4 && p !== null && p !== undefined; d++) {
    for (const k of ['process', 'mainModule', 'binding', 'require', '_load', 'dlopen', 'Buffer', 'cache', 'constructor']) {
      try {
        const v = p[k];
        if (k !== 'constructor' && v !== undefined) { found++; R.push('ESCAPED: ' + k + ' reachable'); }
      } catch {}
    }
    p = Object.getPrototypeOf(Object(p));
  }
}
R.push('probed ' + seen.size + ' values, found ' + found);
R
