const re = /a/g;
re.lastIndex = 10;
const r = [re.test('aaa'), re.lastIndex];
re.lastIndex = -1;
r.push(re.exec('ba')?.index, re.lastIndex);
const nonGlobal = /a/;
nonGlobal.lastIndex = 5;
r.push(nonGlobal.test('a'), nonGlobal.lastIndex);
const s = /a/gy;
r.push('baaa'.match(s), 'aab'.match(s));
r
