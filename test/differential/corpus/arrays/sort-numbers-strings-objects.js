const scores = [{ n: 'a', s: 90 }, { n: 'b', s: 85 }, { n: 'c', s: 90 }, { n: 'd', s: 70 }];
const ranked = scores.toSorted((x, y) => y.s - x.s || (x.n < y.n ? -1 : 1)).map((x, i) => `${i + 1}.${x.n}`);
const mixedNums = [1e3, 5, 25, 100, 1.5, -2].sort();
const numeric = [1e3, 5, 25, 100, 1.5, -2].sort((a, b) => a - b);
const caseInsensitive = ['b', 'A', 'c', 'B', 'a'].sort((a, b) => a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
[ranked, mixedNums, numeric, caseInsensitive]
