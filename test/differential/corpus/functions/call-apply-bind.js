function describe(greeting, punct) {
  return `${greeting}, ${this.name}${punct}`;
}
const ann = { name: 'Ann' };
const bound = describe.bind(ann, 'Hi');
const rebound = bound.bind({ name: 'Other' }, '?');
[
  describe.call(ann, 'Hello', '!'),
  describe.apply(ann, ['Hey', '.']),
  bound('!!'),
  rebound(),
  bound.name,
  bound.length,
  describe.length,
]
