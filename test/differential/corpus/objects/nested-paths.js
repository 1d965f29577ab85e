function get(obj, path, fallback) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj) ?? fallback;
}
function set(obj, path, value) {
  const keys = path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) cur = cur[k] ??= {};
  cur[keys.at(-1)] = value;
  return obj;
}
const data = { a: { b: { c: 1 } }, list: [{ name: 'first' }] };
set(data, 'a.b.d', 2);
set(data, 'x.y.z', 'deep');
[get(data, 'a.b.c'), get(data, 'list.0.name'), get(data, 'a.q.r', 'fallback'), data]
