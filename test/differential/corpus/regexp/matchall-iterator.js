const re = /(?<k>\w+)=(?<v>\w*)/g;
const it = 'a=1&b=&c=3'.matchAll(re);
const first = it.next().value;
const rest = [...it].map((m) => ({ ...m.groups, at: m.index }));
const reAfter = re.lastIndex;
[first[0], { ...first.groups }, rest, reAfter, Object.prototype.toString.call('x'.matchAll(/x/g))]
