const r = [];
try { await Promise.resolve().then(() => undefined.x); } catch (e) { r.push(e.name, e instanceof TypeError); }
try { await Promise.reject(42); } catch (e) { r.push(typeof e, e); }
try { await Promise.reject(); } catch (e) { r.push(e === undefined); }
try { await new Promise((_, rej) => rej(null)); } catch (e) { r.push(e); }
r
