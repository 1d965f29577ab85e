const r = [new Array(3).length, new Array(3, 4), new Array('3'), Array(0).length, [,].length, [, ,].length, [1, ,].length];
const empty = new Array(2);
r.push(0 in empty, empty.map(() => 1), [...empty], Array.from(empty, (_, i) => i), empty.fill(null));
let err;
try { new Array(-1); } catch (e) { err = e.name; }
try { new Array(1.5); } catch (e) { r.push(e.name); }
r.push(err);
r
