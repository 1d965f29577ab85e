// source escapes slashes and line terminators
[
  String(/a\/b/), String(new RegExp('a/b')), new RegExp('/').source, String(new RegExp('[/]')), String(new RegExp('\\/')),
  new RegExp('\n').source, String(/[\]]/), /\//.source, new RegExp('', 'g').toString(), RegExp.prototype.toString.call({ source: 'S', flags: 'F' }),
]
