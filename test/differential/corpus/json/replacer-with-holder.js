const seen = [];
const value = { a: [10, { b: 20 }], c: 'x' };
JSON.stringify(value, function (key, v) {
  const holder = Array.isArray(this) ? 'array' : Object.keys(this).join('+');
  seen.push(`${JSON.stringify(key)}@${holder}`);
  return v;
});
seen
