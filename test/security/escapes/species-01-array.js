// id: species-array
// technique: Symbol.species on Array subclasses and on a plain array's constructor property: map/filter/slice/splice/concat/flat create through a hostile constructor
// source: SES / V8 Symbol.species abuse (CVE-2016-xxxx family); vm2 issue #197 (species to reach host constructor)
// expect: result
class Evil extends Array { static get [Symbol.species]() { return function (n) { R.push('species ctor called with this ' + typeof this); return []; }; } }
const e = Evil.from([1, 2, 3]);
for (const m of ['map', 'filter', 'slice', 'splice', 'concat', 'flat', 'flatMap']) attempt(m, () => e[m]((x) => x));
const plain = [1, 2];
attempt('constructor property', () => { plain.constructor = { [Symbol.species]: (() => 0).constructor }; return plain.map((x) => x); });
attempt('species is Function', () => { class F extends Array { static get [Symbol.species]() { return (() => 0).constructor; } } return F.from([1]).map((x) => 'return 1'); });
R
