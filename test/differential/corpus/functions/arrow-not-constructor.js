const Arrow = () => {};
const r = [];
try {
  new Arrow();
} catch (e) {
  r.push(e.name);
}
const method = { m() {} }.m;
try {
  new method();
} catch (e) {
  r.push(e.name);
}
r.push('prototype' in Arrow, 'prototype' in function () {});
r
