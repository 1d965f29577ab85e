const s = [1, , 3];
s[10] = 'ten';
const r = [
  s.length, Object.keys(s), s.indexOf(undefined), s.includes(undefined), s.filter(() => true),
  s.map((x) => typeof x).length, s.some((x) => x === undefined), JSON.stringify(s),
  s.findIndex((x) => x === undefined), [...s].length, Array.from(s).filter((x) => x === undefined).length,
];
r
