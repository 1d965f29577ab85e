const name = 'Ann';
const items = 3;
const price = 4.5;
const line = `${name} bought ${items} items for $${(items * price).toFixed(2)}`;
const nested = `outer ${`inner ${items > 2 ? `many(${items})` : 'few'}`} end`;
const multi = `line1
  line2\ttabbed`;
const values = `${null} ${undefined} ${true} ${[1, [2, 3]]} ${{}} ${-0} ${1e21} ${0.1 + 0.2}`;
[line, nested, multi, values]
