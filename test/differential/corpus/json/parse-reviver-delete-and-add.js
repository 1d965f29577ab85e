const result = JSON.parse('{"keep":1,"drop":2,"list":[1,2,3]}', function (key, value) {
  if (key === 'drop') return undefined;
  if (key === 'list') return value.filter((x) => x !== 2);
  if (key === '') {
    value.added = 'by root reviver';
  }
  return value;
});
const holderKeys = [];
JSON.parse('{"x":{"y":1}}', function (k, v) {
  holderKeys.push([k, Object.keys(this)]);
  return v;
});
[result, Object.keys(result), holderKeys]
