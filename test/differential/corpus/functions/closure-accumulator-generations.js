function makeGenerations(n) {
  const gens = [];
  for (let g = 0; g < n; g++) {
    let local = g * 10;
    gens.push({
      get: () => local,
      bump: () => { local += 1; return local; },
    });
  }
  return gens;
}
const gens = makeGenerations(3);
gens[1].bump();
gens[1].bump();
gens[2].bump();
gens.map((g) => g.get())
