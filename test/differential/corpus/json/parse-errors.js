const inputs = ["{'a':1}", '{"a":1,}', '[1,]', 'undefined', 'NaN', '01', '"\t"', '{a:1}', '', ' ', '[1] x', '"unterminated', '.5', '+1', '0x10', '{"a" 1}', 'tru', '"\\x41"'];
inputs.map((s) => {
  try {
    JSON.parse(s);
    return 'parsed';
  } catch (e) {
    return e.name;
  }
})
