const text = 'order-12, order-345, item-6';
const m = text.match(/order-(\d+)/);
const all = text.match(/\d+/g);
const none = text.match(/zzz/g);
const matches = [...text.matchAll(/(?<kind>\w+)-(?<num>\d+)/g)].map((x) => [x[0], x.index, x.groups.kind, Number(x.groups.num)]);
let err;
try { text.matchAll(/x/); } catch (e) { err = e.name; }
[m[0], m[1], m.index, m.input === text, m.length, all, none, matches, err, 'abc'.match('b').index]
