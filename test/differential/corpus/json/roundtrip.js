const original = {
  str: 'héllo "world"\n',
  num: 1.5e-10,
  neg: -42,
  bool: false,
  nil: null,
  arr: [1, 'two', [3, [4]], {}],
  obj: { deep: { deeper: { deepest: 'yes' } } },
  unicode: '😀\u2028',
};
const text = JSON.stringify(original);
const back = JSON.parse(text);
[JSON.stringify(back) === text, back, text.length]
