class NotFound extends Error {
  constructor(what) { super(`${what} not found`); this.name = 'NotFound'; this.what = what; }
}
function lookup(key) {
  if (key === 'bad') throw new TypeError('bad key');
  throw new NotFound(key);
}
function tryLookup(key) {
  try {
    return lookup(key);
  } catch (e) {
    if (e instanceof NotFound) return { missing: e.what };
    throw e;
  }
}
const r = [tryLookup('user')];
try { tryLookup('bad'); } catch (e) { r.push(e.name); }
r
