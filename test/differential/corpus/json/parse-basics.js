[
  JSON.parse('{"a":1,"b":[true,false,null],"c":{"d":"e"}}'),
  JSON.parse('  [1, -2.5e3, 0.1, 1E2, -0]  '),
  JSON.parse('"str\\u0041\\n"'),
  JSON.parse('null'),
  JSON.parse('123'),
  JSON.parse('{"__proto__": {"x": 1}}'),
  Object.keys(JSON.parse('{"b":1,"a":2,"1":3}')),
  JSON.parse('{"dup":1,"dup":2}'),
  Object.is(JSON.parse('-0'), -0),
  JSON.parse('1e400'),
]
