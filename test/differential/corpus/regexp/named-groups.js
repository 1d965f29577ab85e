const re = /(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/;
const m = '2024-02-29'.match(re);
const { year, month, day } = m.groups;
const swapped = '2024-02-29'.replace(re, '$<day>.$<month>.$<year>');
const optional = /(?<a>x)|(?<b>y)/.exec('y');
const backref = /(?<q>['"]).*?\k<q>/.exec(`say "hi" and 'bye'`);
[year, month, day, swapped, Object.keys(m.groups), { ...optional.groups }, backref[0], Object.getPrototypeOf(m.groups)]
