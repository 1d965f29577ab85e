const anon = function () {};
const arrow = () => {};
const named = function inner() {};
const obj = {
  method() {},
  prop: function () {},
  ['comp' + 'uted']: () => {},
  get g() { return 1; },
};
let later;
later = () => {};
[anon.name, arrow.name, named.name, obj.method.name, obj.prop.name, obj.computed.name, later.name, (function () {}).name, (() => {}).name]
