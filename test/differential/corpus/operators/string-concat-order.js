const obj = { valueOf: () => 10, toString: () => 'str' };
const date = new Date(0);
const r = [1 + 2 + '3', '1' + 2 + 3, 1 + (2 + '3'), obj + 1, obj + '1', `${obj}`, [obj] + '', obj * 2, String(obj)];
r.push(typeof (date + 1), date - 0, date.valueOf() + 1);
const sym = { [Symbol.toPrimitive]: (hint) => (hint === 'number' ? 7 : hint === 'string' ? 'S' : 'D') };
r.push(sym + 1, `${sym}`, sym * 2, sym + '', +sym, sym == 'D');
r
