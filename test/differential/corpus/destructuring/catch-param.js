const results = [];
try {
  throw { code: 42, detail: { reason: 'bad input' } };
} catch ({ code, detail: { reason }, missing = 'm' }) {
  results.push(code, reason, missing);
}
try {
  throw new TypeError('typed');
} catch ({ name, message }) {
  results.push(name, message);
}
try {
  throw [1, 2];
} catch ([one, two]) {
  results.push(one + two);
}
results
