const a = ['zero', 'one', 'two'];
const r = [a['1'], a[1.0], a['01'], a[-1], a['-0'], a[true], a[[1]], a[`${2}`]];
a['3'] = 'three';
a[-1] = 'negative';
a['1.5'] = 'fraction';
r.push(a.length, Object.keys(a));
r
