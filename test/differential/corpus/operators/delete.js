const obj = { a: 1, b: 2, nested: { c: 3 } };
const arr = [1, 2, 3];
const r = [delete obj.a, delete obj.missing, delete obj.nested.c, delete arr[1]];
r.push(Object.keys(obj), obj.nested, arr.length, 1 in arr);
const frozen = Object.freeze({ k: 1 });
try { delete frozen.k; } catch (e) { r.push(e.name); }
const withDesc = {};
Object.defineProperty(withDesc, 'fixed', { value: 1, configurable: false });
try { delete withDesc.fixed; } catch (e) { r.push(e.name); }
try { delete [].length; } catch (e) { r.push(e.name); }
r.push(delete 5);
r
