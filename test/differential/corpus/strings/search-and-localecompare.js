[
  'hello world'.search(/o/), 'hello'.search(/z/), 'a.b'.search('.'), 'ABC'.search(/b/i),
  'a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'), ['b', 'a', 'c'].sort((x, y) => x.localeCompare(y)),
  'apple'.localeCompare('apples') < 0, ''.localeCompare('a') < 0,
]
