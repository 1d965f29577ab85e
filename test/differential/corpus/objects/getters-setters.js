const temp = {
  _c: 25,
  get fahrenheit() { return this._c * 9 / 5 + 32; },
  set fahrenheit(f) { this._c = (f - 32) * 5 / 9; },
  get celsius() { return this._c; },
};
const r = [temp.fahrenheit];
temp.fahrenheit = 212;
r.push(temp.celsius, temp.fahrenheit);
try {
  temp.celsius = 0;
} catch (e) {
  r.push(e.name);
}
r.push(temp.celsius);
r.push(Object.keys(temp), JSON.stringify(temp));
r
