const h = [1, , 3];
const out = {
  forEachCount: 0,
  mapKeys: Object.keys(h.map((x) => x)),
  filterLen: h.filter(() => true).length,
  reduceSteps: h.reduce((acc) => acc + 1, 0),
  everyOnHole: h.every((x) => x !== undefined),
  findOnHole: h.find((x) => x === undefined),
  sortHoles: Object.keys([3, , 1].sort()),
  joinHoles: h.join('-'),
  includesUndef: h.includes(undefined),
  indexOfUndef: h.indexOf(undefined),
  flatHoles: [[1, , 2], , [3]].flat(),
  spreadHoles: [...h].map((x) => x === undefined),
};
h.forEach(() => out.forEachCount++);
out
