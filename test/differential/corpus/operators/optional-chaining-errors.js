const obj = { a: null, f: 5 };
const out = [];
try { out.push(obj.a?.b.c); } catch (e) { out.push('E1 ' + e.name); }
try { out.push((obj.a?.b).c); } catch (e) { out.push('E2 ' + e.name); }
try { out.push(obj.f?.()); } catch (e) { out.push('E3 ' + e.name); }
try { out.push(obj.g?.().x); } catch (e) { out.push('E4 ' + e.name); }
const m = { fn() { return this; } };
out.push(m?.fn() === m, m.fn?.() === m, (m?.fn)() === m);
const none = null;
out.push('a' in obj, none?.x.y);
out
