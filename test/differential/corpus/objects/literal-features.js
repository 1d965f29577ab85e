const key = 'dyn';
const n = 2;
const x = 10, y = 20;
const obj = {
  x,
  y,
  [key]: 'computed',
  [`${key}_${n}`]: n * 2,
  [n + 1]: 'three',
  'quoted key': true,
  42: 'number key',
  method() { return this.x + this.y; },
  arrow: () => 'arrow',
  nested: { deep: { value: 'v' } },
};
[Object.keys(obj), obj.method(), obj.arrow(), obj.dyn_2, obj[3], obj['quoted key'], obj.nested.deep.value]
