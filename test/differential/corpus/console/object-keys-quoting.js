console.log({ a: 1, A_1: 2, $dollar: 3, _under: 4 });
console.log({ '1a': 1, 'a-b': 2, '': 3, 'é': 4 });
console.log({ 0: 'zero', 10: 'ten', '-1': 'neg' });
console.log({ 'class': 1, 'let': 2, 'null': 3 });
'ok'
