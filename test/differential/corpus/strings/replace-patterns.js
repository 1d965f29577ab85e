const s = 'John Smith, Jane Doe';
[
  s.replace('J', 'j'),
  s.replace(/J/g, 'j'),
  s.replace(/(\w+) (\w+)/, '$2 $1'),
  s.replace(/(\w+) (\w+)/g, '$2, $1'),
  s.replace(/(?<first>\w+) (?<last>\w+)/g, '$<last>.$<first>'),
  s.replace('Smith', '[$&]'),
  s.replace('Smith', "[$`]"),
  s.replace('Smith', "[$']"),
  s.replace('Smith', '$$'),
  s.replace(/(\w+)/, '$1$2$0$10'),
  'aaa'.replace('a', '$'),
  'abc'.replace('', '_'),
]
