const money = {
  cents: 1999,
  valueOf() { return this.cents / 100; },
  toString() { return `$${(this.cents / 100).toFixed(2)}`; },
};
const noValueOf = { toString: () => '7' };
const nothing = Object.create(null);
const r = [money + 1, `${money}`, money * 2, money > 19, String(money), noValueOf * 2, noValueOf + 1];
try { r.push(nothing + ''); } catch (e) { r.push(e.name); }
r.push({}.toString(), Object.prototype.toString.call([]), Object.prototype.toString.call(null), String({}));
r
