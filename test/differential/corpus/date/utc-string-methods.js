const d = new Date('2024-02-29T07:08:09.010Z');
[
  d.toUTCString(), new Date(0).toUTCString(), d.toISOString(), new Date(Date.UTC(-1, 0)).toISOString(),
  new Date(Date.UTC(10000, 0)).toISOString(),
]
