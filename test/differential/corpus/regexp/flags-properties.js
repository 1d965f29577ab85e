const re = /ab+c/gimsuyd;
const r = [re.flags, re.source, re.global, re.ignoreCase, re.multiline, re.dotAll, re.unicode, re.sticky, re.hasIndices, String(re)];
const fromString = new RegExp('a/b', 'g');
r.push(fromString.source, String(fromString), new RegExp('').source, String(new RegExp('\n')), new RegExp(re).flags, new RegExp(re, 'i').flags);
try { new RegExp('a', 'gg'); } catch (e) { r.push(e.name); }
try { new RegExp('('); } catch (e) { r.push(e.name); }
r
