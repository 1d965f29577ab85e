const r = [];
r.push('abc'.includes('b'), typeof RegExp.prototype[Symbol.replace], typeof RegExp.prototype[Symbol.split]);
try { 'abc'.includes(/b/); } catch (e) { r.push(e.name); }
try { 'abc'.endsWith(/c/); } catch (e) { r.push(e.name); }
r.push(/x/ instanceof RegExp, Object.prototype.toString.call(/x/), typeof /x/);
r
