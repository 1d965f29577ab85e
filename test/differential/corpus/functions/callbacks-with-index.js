const words = ['alpha', 'beta', 'gamma'];
const mapped = words.map(function (w, i, arr) {
  return `${i}/${arr.length}:${w}:${this.suffix}`;
}, { suffix: 'S' });
const parsed = ['1', '2', '3'].map(parseInt);
const parsed2 = ['1', '2', '3'].map(Number);
[mapped, parsed, parsed2]
