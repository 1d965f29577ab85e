class Temperature {
  #celsius = 0;
  get fahrenheit() { return this.#celsius * 1.8 + 32; }
  set fahrenheit(f) { this.#celsius = (f - 32) / 1.8; }
  get celsius() { return this.#celsius; }
  set celsius(c) {
    if (typeof c !== 'number') throw new TypeError('celsius must be a number');
    this.#celsius = c;
  }
}
const t = new Temperature();
t.fahrenheit = 212;
const r = [t.celsius, t.fahrenheit];
t.celsius = -40;
r.push(t.fahrenheit);
try { t.celsius = 'hot'; } catch (e) { r.push(e.message); }
r.push(Object.keys(t), 'fahrenheit' in t, Object.hasOwn(t, 'fahrenheit'));
r
