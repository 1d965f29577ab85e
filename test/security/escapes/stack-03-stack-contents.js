// id: stack-contents
// technique: stack contents of errors thrown through built-ins (sort comparator, replace callback, JSON reviver, Promise reactions, getters, capabilities) and deep recursion
// source: vm2 GHSA-x6m4-chr9-cg97 (absolute host paths leaked through error stack formatting) and GHSA-r273-hxvj-fxhp (host frames)
// expect: result
// cli: yes
const stacks = [];
const grab = (f) => { try { f(); } catch (e) { stacks.push(String(e.stack)); } };
grab(() => [3, 1, 2].sort(() => { throw new Error('in sort'); }));
grab(() => 'abc'.replace(/b/, () => { throw new Error('in replace'); }));
grab(() => JSON.parse('{"a":1}', () => { throw new Error('in reviver'); }));
grab(() => ({ get g() { throw new Error('in getter'); } }).g);
grab(() => [1].map(function f() { return null.x; }));
grab(() => Array.from({ length: 1 }, () => { throw new TypeError('from'); }));
function deep(n) { if (n === 0) throw new Error('deep'); return deep(n - 1); }
grab(() => deep(500));
await Promise.resolve().then(() => { throw new Error('in then'); }).catch((e) => stacks.push(e.stack));
await fail().catch((e) => stacks.push(String(e.stack)));
for (const s of stacks) R.push(s);
escaped('a stack line is not guest-shaped', stacks.some((s) => s.split('\n').slice(1).some((l) => !/^    at [\w$<>.\[\] ]+ \(\d+:\d+\)$/.test(l))));
R
