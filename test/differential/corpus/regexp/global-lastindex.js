const re = /o/g;
const s = 'foo boo';
const positions = [];
let m;
while ((m = re.exec(s)) !== null) positions.push([m.index, re.lastIndex]);
const afterLoop = re.lastIndex;
const t = /a/g;
const tests = [t.test('aa'), t.lastIndex, t.test('aa'), t.lastIndex, t.test('aa'), t.lastIndex];
const empty = /x*/g;
const emptyMatches = 'ab'.match(empty);
[positions, afterLoop, tests, emptyMatches, 'aaa'.replace(/a*?/g, '-')]
