const visits = [];
const list = [1, 3, 5, 6, 7, 9];
const allOdd = list.every((x) => { visits.push('e' + x); return x % 2; });
const anyEven = list.some((x) => { visits.push('s' + x); return x % 2 === 0; });
const firstBig = list.find((x) => { visits.push('f' + x); return x > 4; });
[allOdd, anyEven, firstBig, visits]
