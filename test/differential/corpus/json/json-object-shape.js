// shape of the JSON namespace object
[
  typeof JSON, Object.prototype.toString.call(JSON), typeof JSON.parse, typeof JSON.stringify,
  JSON.stringify.length, JSON.parse.length, JSON.stringify({ toJSON: null }),
  JSON.stringify(Object.assign(Object.create(null), { a: 1 })),
]
