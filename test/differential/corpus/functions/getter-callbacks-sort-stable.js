const people = [
  { name: 'ann', age: 30 },
  { name: 'bob', age: 25 },
  { name: 'cid', age: 30 },
  { name: 'dee', age: 25 },
  { name: 'eve', age: 35 },
];
const by = (key) => (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
const byAge = people.slice().sort(by('age'));
const byAgeDesc = people.slice().sort((a, b) => b.age - a.age);
[byAge.map((p) => p.name), byAgeDesc.map((p) => p.name)]
