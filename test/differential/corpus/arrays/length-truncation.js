const a = [1, 2, 3, 4, 5];
a.length = 2;
const afterTruncate = [...a];
a.length = 4;
const afterExtend = [...a];
const hasIndex3 = 3 in a;
const b = [];
b[5] = 'five';
const bLen = b.length;
b.length = 0;
const errs = [];
try { a.length = -1; } catch (e) { errs.push(e.name); }
try { a.length = 1.5; } catch (e) { errs.push(e.name); }
try { new Array(2 ** 32); } catch (e) { errs.push(e.name); }
a.length = '3';
[afterTruncate, afterExtend, hasIndex3, bLen, b, errs, a.length]
