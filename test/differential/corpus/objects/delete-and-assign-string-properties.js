// A string's indices and length are read-only, non-configurable own properties of its
// wrapper: delete and assignment throw in strict mode, for primitives and String objects.
const out = [];
const t = (f) => {
  try {
    out.push(String(f()));
  } catch (e) {
    out.push(e.name + ': ' + e.message);
  }
};
t(() => delete 'xyz'[0]);
t(() => delete 'xyz'.length);
t(() => delete 'xyz'[5]);
t(() => delete 'xyz'.foo);
t(() => delete Object('xyz').length);
t(() => delete Object('xyz')[1]);
t(() => delete Object('xyz')['1']);
t(() => delete Object('xyz')[-0]);
t(() => {
  const s = new String('ab');
  s.x = 1;
  return [delete s.x, delete s[2], s.x].join();
});
t(() => {
  'abc'.length = 1;
});
t(() => {
  'abc'[0] = 'x';
});
t(() => {
  const s = 'abc';
  s[3] = 'x';
});
t(() => {
  (5).x = 1;
});
t(() => {
  Symbol('z').x = 1;
});
t(() => Array.prototype.pop.call('xyz'));
t(() => Array.prototype.shift.call('xyz'));
t(() => Array.prototype.splice.call('xyz', 0));
t(() => Array.prototype.push.call('xyz', 1));
t(() => {
  const s = new String('ab');
  s.c = 1;
  s[5] = 2;
  return Object.getOwnPropertyNames(s).join() + ' ' + Object.keys(s).join();
});
out;
