// id: tostring-capabilities
// technique: Function.prototype.toString of capability functions, by every spelling (toString, String(), template, concatenation, call on an alias)
// source: vm2 / isolated-vm: host function source disclosure through Function.prototype.toString; SES 'censorship' of toString
// expect: result
// cli: yes
const fts = Object.getPrototypeOf(() => 0).toString;
for (const c of [echo, getUser, fail, slow]) {
  const texts = [attempt('toString', () => c.toString()), attempt('String()', () => String(c)), attempt('template', () => `${c}`), attempt('concat', () => '' + c), attempt('call', () => fts.call(c))];
  escaped('capability source is not [native code]', texts.some((t) => typeof t === 'string' && !/^function \w+\(\) \{ \[native code\] \}$/.test(t)));
}
attempt('bound capability', () => echo.bind(null).toString());
R
