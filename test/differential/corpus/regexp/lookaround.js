const price = 'USD100 EUR200 USD300';
[
  price.match(/(?<=USD)\d+/g),
  price.match(/(?<!USD)\d{3}/g),
  price.match(/\w{3}(?=2)/g),
  price.match(/\d+(?! )/g),
  'abc123def'.replace(/(?<=\d)(?=[a-z])/g, '|'),
  '1234567'.replace(/\B(?=(\d{3})+$)/g, ','),
  /(?<=(\d)(\d))x/.exec('12x').slice(1),
]
