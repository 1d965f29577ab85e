const temp = {
  celsius: 20,
  [Symbol.toPrimitive](hint) {
    if (hint === 'number') return this.celsius;
    if (hint === 'string') return `${this.celsius}°C`;
    return 'default:' + this.celsius;
  },
};
const hints = [];
const spy = { [Symbol.toPrimitive](h) { hints.push(h); return 1; } };
+spy; `${spy}`; spy + 1; spy == 1; spy < 2; String(spy); Number(spy); [spy].join(); 
const bad = { [Symbol.toPrimitive]: () => ({}) };
let err;
try { bad + 1; } catch (e) { err = e.name; }
[+temp, `${temp}`, temp + 1, temp * 2, String(temp), hints, err]
