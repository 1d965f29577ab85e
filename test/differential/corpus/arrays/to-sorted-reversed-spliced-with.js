const base = [3, 1, 2];
const sorted = base.toSorted();
const sortedDesc = base.toSorted((a, b) => b - a);
const reversed = base.toReversed();
const spliced = base.toSpliced(1, 1, 'x', 'y');
const withed = base.with(-1, 'last');
const holes = [1, , 3];
let err;
try { base.with(5, 0); } catch (e) { err = e.name; }
[base, sorted, sortedDesc, reversed, spliced, withed, holes.toSorted(), holes.toReversed(), 1 in holes.toReversed(), err]
