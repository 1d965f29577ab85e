// diff: compare-messages
// String.prototype, Number.prototype and Boolean.prototype are wrapper objects of '', +0
// and false: their own methods accept them, conversions and JSON see those values.
const SP = String.prototype;
const NP = Number.prototype;
const BP = Boolean.prototype;
const out = [];
out.push(Object.prototype.toString.call(SP), Object.prototype.toString.call(NP), Object.prototype.toString.call(BP));
out.push(SP.length, SP.valueOf(), SP.toUpperCase(), SP.concat('a', 'b'), SP.at(0), SP.padStart(3, '*'));
out.push(NP.valueOf(), NP.toFixed(2), NP.toString(2), BP.valueOf(), BP.toString());
out.push(SP + 1, NP + 1, `${BP}`, NP == 0, BP ? 'truthy' : 'falsy');
out.push(JSON.stringify([SP, NP, BP]), JSON.stringify({ s: SP, n: NP, b: BP }, null, 1));
out.push([...SP].length, Array.from(SP).length, Object.keys(SP).length, 0 in SP);
out.push(Object.getOwnPropertyNames(SP)[0], JSON.stringify(Object.getOwnPropertyDescriptor(SP, 'length')));
out.push(String(SP) === '', Number(NP), new String(SP).length);
try {
  SP.length = 3;
} catch (e) {
  out.push(e.name, e.message);
}
try {
  Symbol.prototype.valueOf();
} catch (e) {
  out.push(e.name, e.message);
}
out
