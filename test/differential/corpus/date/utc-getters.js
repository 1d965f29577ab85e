const d = new Date('2024-02-29T23:59:58.765Z');
[
  d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(),
  d.getUTCMilliseconds(), d.getTime(), d.valueOf(), +d, Number(d),
]
