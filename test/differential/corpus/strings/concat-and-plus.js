const parts = ['a', 1, null, undefined, true, [2, 3], { k: 1 }];
const concatenated = ''.concat(...parts);
const plus = parts.reduce((s, p) => s + p, '');
let built = '';
for (let i = 0; i < 5; i++) built += i % 2 ? '-' : i;
['x'.concat(), 'x'.concat('y', 'z'), concatenated, plus, concatenated === plus, built]
