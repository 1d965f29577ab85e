// id: ctor-tagged-templates
// technique: constructor chains from template objects, String.raw and tag functions
// source: JS-in-JS interpreters (eval5, sval issues): template strings arrays are host arrays
// expect: result
function tag(strings, ...subs) { tryChain('template object', strings); tryChain('raw', strings.raw); return strings; }
const t = tag`a${1}b`;
escaped('template object is not frozen', !Object.isFrozen(t));
attempt('String.raw ctor', () => String.raw.constructor('return 1'));
attempt('template with constructor', () => `${(() => 0).constructor}`);
R
