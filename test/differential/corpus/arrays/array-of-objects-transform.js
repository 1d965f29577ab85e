const users = [
  { first: 'Ada', last: 'Lovelace', born: 1815, langs: ['analytical'] },
  { first: 'Grace', last: 'Hopper', born: 1906, langs: ['cobol', 'flow-matic'] },
  { first: 'Alan', last: 'Turing', born: 1912, langs: [] },
];
const summary = users
  .filter((u) => u.born > 1900)
  .map(({ first, last, langs }) => ({ name: `${last}, ${first}`, langCount: langs.length }))
  .sort((a, b) => a.name.localeCompare(b.name));
const allLangs = users.flatMap((u) => u.langs).sort();
const oldest = users.reduce((a, b) => (a.born < b.born ? a : b)).first;
[summary, allLangs, oldest]
