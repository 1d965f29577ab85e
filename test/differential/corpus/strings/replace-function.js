const template = 'Hello {name}, you have {count} new {what}';
const data = { name: 'Ann', count: 3 };
const filled = template.replace(/\{(\w+)\}/g, (match, key, offset) => (key in data ? String(data[key]) : `<${key}@${offset}>`));
const args = [];
'x1y22'.replace(/(\d)(\d)?/g, (...a) => {
  args.push(a);
  return '';
});
const named = '2024-02-29'.replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, (...a) => {
  const groups = a.at(-1);
  return `${groups.d}/${groups.m}/${groups.y}`;
});
const camel = 'background-color-main'.replace(/-(\w)/g, (_, c) => c.toUpperCase());
[filled, args, named, camel, 'abc'.replace('b', () => '$&')]
