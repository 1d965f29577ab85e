function tally(...args) {
  return args.length + ':' + args.join('|');
}
const base = [1, 2];
const more = new Set([3, 4]);
[
  tally(...base),
  tally(0, ...base, ...more, 5),
  tally(...'hey'),
  tally(...[]),
  Math.max(...[3, 9, 2]),
  Math.min(...[]),
]
