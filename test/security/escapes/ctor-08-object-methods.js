// id: ctor-object-methods
// technique: constructor chain from object-literal methods, getters, setters and computed methods
// source: JS-Interpreter / sandboxjs issues: method definitions carry home objects
// expect: result
const o = { m() {}, get g() { return 1; }, set s(v) {}, ['c' + 'm']() {}, async am() {}, *gm() {} };
for (const k of ['m', 'cm', 'am', 'gm']) tryChain('method ' + k, o[k]);
const d = Object.getOwnPropertyDescriptor(o, 'g');
tryChain('getter', d.get);
tryChain('setter', Object.getOwnPropertyDescriptor(o, 's').set);
R
