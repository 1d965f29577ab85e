const REVIEWS = [
  { product: 'lamp', text: 'great light, love it' },
  { product: 'lamp', text: 'broke after a week, bad' },
  { product: 'desk', text: 'solid and great' },
  { product: 'desk', text: 'love the finish' },
  { product: 'chair', text: 'bad back support, terrible' },
];
const POS = ['great', 'love', 'solid'];
const NEG = ['bad', 'broke', 'terrible'];
async function sentiment(text) {
  await null;
  const words = text.toLowerCase().split(/\W+/);
  return words.filter((w) => POS.includes(w)).length - words.filter((w) => NEG.includes(w)).length;
}
const scores = await Promise.all(REVIEWS.map((r) => sentiment(r.text)));
const byProduct = {};
REVIEWS.forEach((r, i) => {
  (byProduct[r.product] ??= { n: 0, sum: 0 });
  byProduct[r.product].n++;
  byProduct[r.product].sum += scores[i];
});
const ranking = Object.entries(byProduct).map(([p, { n, sum }]) => ({ p, avg: sum / n })).sort((a, b) => b.avg - a.avg);
({ scores, ranking })
