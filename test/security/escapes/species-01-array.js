// id: species-array
// technique: Symbol.species on Array subclasses and on a plain array's constructor property: map/filter/slice/splice/concat/flat create through a hostile constructor
// source: vm2 GHSA-qvjj-29qf-hp7p (breakout through Promise species) applied to Array species; SES notes on Symbol.species
// expect: result
class Evil extends Array { static get [Symbol.species]() { return function (n) { R.push('species ctor called with this ' + typeof this); return []; }; } }
const e = Evil.from([1, 2, 3]);
for (const m of ['map', 'filter', 'slice', 'splice', 'concat', 'flat', 'flatMap']) attempt(m, () => e[m]((x) => x));
const plain = [1, 2];
attempt('constructor property', () => { plain.constructor = { [Symbol.species]: (() => 0).constructor }; return plain.map((x) => x); });
attempt('species is Function', () => { class F extends Array { static get [Symbol.species]() { return (() => 0).constructor; } } return F.from([1]).map((x) => 'return 1'); });
R
