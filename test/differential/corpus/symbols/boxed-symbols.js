// Symbol boxes (Object(sym)) answer Symbol.prototype methods like the symbol itself.
const s = Symbol('tag');
const box = Object(s);
const results = [
  typeof box,
  box.valueOf() === s,
  box.toString(),
  box.description,
  box[Symbol.toPrimitive]('default') === s,
  Object.prototype.toString.call(box),
  box instanceof Symbol,
];
let error = null;
try {
  Symbol.prototype.valueOf.call({});
} catch (e) {
  error = e instanceof TypeError;
}
console.log(results, error);
results
