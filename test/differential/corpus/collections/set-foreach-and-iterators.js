const s = new Set(['x', 'y', 'z']);
const calls = [];
s.forEach(function (value, key, set) {
  calls.push([value, key, set === s, this.tag]);
}, { tag: 'ctx' });
const it = s.values();
const first = it.next();
s.delete('y');
const rest = [...it];
[calls, first, rest, s.keys === s.values || [...s.keys()].join() === [...s.values()].join()]
