// accessors are shown as [Getter]/[Setter], symbol keys are shown last
const o = {
  plain: 1,
  get computed() { return 2; },
  set onlySet(v) {},
};
const withSymbol = { a: 1, [Symbol('key')]: 'sym' };
const both = { get both() { return 3; }, set both(v) {} };
console.log(o);
console.log(both);
console.log(withSymbol);
console.log({ [Symbol.iterator]: 1 });
console.log([Symbol('in array')]);
'ok'
