function whoAmI() {
  return this;
}
const obj = { whoAmI, tag: 'obj' };
const detached = obj.whoAmI;
[typeof whoAmI(), obj.whoAmI() === obj, detached() === undefined, whoAmI.call(7), whoAmI.apply('s', []), typeof whoAmI.call(null)]
