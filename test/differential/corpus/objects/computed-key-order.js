const log = [];
const k = (name) => { log.push('key ' + name); return name; };
const v = (val) => { log.push('val ' + val); return val; };
const o = { [k('a')]: v(1), [k('b')]: v(2), [k('a')]: v(3) };
const symKey = Symbol.for('registered');
const o2 = { [symKey]: 'sym value', [1 + 1]: 'two', [[1, 2]]: 'array key', [{}]: 'object key' };
[o, log, o2[symKey], Object.keys(o2)]
