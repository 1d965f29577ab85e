function thrower(kind) {
  switch (kind) {
    case 'type': return null.x;
    case 'range': return [].length = -1;
    case 'custom': throw new (class Oops extends Error {})('custom');
    default: throw kind;
  }
}
['type', 'range', 'custom', 'raw'].map((k) => {
  try {
    thrower(k);
    return 'none';
  } catch (e) {
    return [e instanceof TypeError, e instanceof RangeError, e instanceof Error, e?.constructor?.name ?? typeof e];
  }
})
