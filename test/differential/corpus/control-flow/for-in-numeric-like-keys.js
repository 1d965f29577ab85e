const o = {};
o['3'] = 'c';
o['1'] = 'a';
o['x'] = 'x';
o['2'] = 'b';
o['1e3'] = 'sci';
o['-0'] = 'negzero';
o['007'] = 'bond';
o[' 5'] = 'space';
o[5] = 'five';
o['4294967294'] = 'max index';
o['4294967295'] = 'not index';
const keys = [];
for (const k in o) keys.push(k);
keys
