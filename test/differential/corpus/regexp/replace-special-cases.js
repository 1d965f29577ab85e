[
  'aaa'.replace(/a/g, '$&$&'), 'abc'.replace(/(b)/, '[$1$2]'), 'abc'.replace(/(?<n>b)/, '[$<n>|$<missing>]'),
  'abc'.replace(/b/, '$'), 'abc'.replace(/b/, '$$1'), 'x'.replace(/x/, '$`$\''), 'abcdefghijk'.replace(/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/, '$11-$10-$1'),
  'abc'.replace(/(a)(b)(c)/, '$01$02$03'), 'a.b.c'.replace('.', '$\''),
]
