const values = [1, null, undefined, 'x', [2, [3, null]], {}, true];
[
  values.join(), values.join(' | '), values.join(''), values.toString(),
  String([]), [null].join(), [undefined, undefined].join('-'), [, ,].join(),
  [1, 2].join(undefined), [[], [[]]].join(),
]
