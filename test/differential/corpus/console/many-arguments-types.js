const values = [1, 'two', [3], { four: 4 }, null, undefined, true, 8n, -0];
console.log(...values);
console.info(values);
console.log('mixed:', ...values.slice(0, 4), 'end');
values.length
