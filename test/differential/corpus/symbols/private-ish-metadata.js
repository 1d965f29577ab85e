const META = Symbol('meta');
function tag(obj, info) {
  obj[META] = { ...(obj[META] || {}), ...info };
  return obj;
}
const user = tag(tag({ name: 'ann' }, { created: 1 }), { role: 'admin' });
const serialized = JSON.stringify(user);
const cloned = structuredLike(user);
function structuredLike(o) {
  return Object.fromEntries(Object.entries(o));
}
[serialized, user[META], cloned[META], Object.getOwnPropertySymbols(user).length]
