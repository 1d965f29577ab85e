function classify(v) {
  if (v === null) return 'null';
  else if (Array.isArray(v)) return 'array';
  else if (typeof v === 'object') return 'object';
  else if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'nan';
    if (v < 0) return 'negative';
    return v === 0 ? 'zero' : 'positive';
  } else return typeof v;
}
[null, [], {}, NaN, -1, 0, 3, 'x', undefined, true].map(classify)
