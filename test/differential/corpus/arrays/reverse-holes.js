const a = [1, 2, 3, 4];
const ret = a.reverse();
const sparse = [1, , 3, , ];
sparse.reverse();
[ret === a, a, sparse, sparse.length, 0 in sparse, 1 in sparse, 2 in sparse, [].reverse(), ['solo'].reverse()]
