const lone = 'a\ud800b';
const good = 'a😀b';
[
  lone.isWellFormed(), good.isWellFormed(), lone.toWellFormed(), lone.toWellFormed().charCodeAt(1).toString(16),
  good.toWellFormed() === good, '\udc00'.isWellFormed(),
]
