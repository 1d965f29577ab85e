const re = /(\d{4})-(\d{2})/;
const m = re.exec('date: 2024-02, other 1999-12');
const r = [m[0], m[1], m[2], m.index, m.input.length, m.length, m.groups, re.lastIndex];
r.push(re.test('no digits'), re.test('2020-01'), /^$/.test(''), /a/.test('A'), /a/i.test('A'));
r.push(re.exec('nothing'));
r
