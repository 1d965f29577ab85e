// id: tostring-self-hosted
// technique: toString of self-hosted built-ins (callbacks' callers: map, sort, replace, Promise.then) and of functions seen in guest stacks
// source: Node.js internal JS built-ins disclosing source; JS-in-JS interpreters whose built-ins are guest-visible closures
// expect: result
const fts = Object.getPrototypeOf(() => 0).toString;
for (const f of [[].map, [].sort, [].reduce, ''.replace, Promise.prototype.then, Array.from, JSON.stringify, Object.assign, Map.prototype.forEach, [].flatMap]) {
  const t = attempt('toString ' + f.name, () => fts.call(f));
  escaped(f.name + ' discloses source', typeof t !== 'string' || !t.includes('[native code]'));
}
attempt('Function.prototype.toString.call(Object.getPrototypeOf(() => 0))', () => fts.call(Object.getPrototypeOf(() => 0)));
attempt('toString of toString', () => fts.call(fts));
attempt('toString on non-function', () => fts.call({}));
R
