const obj = {
  get bad() { throw new Error('getter failed'); },
  set bad(v) { throw new TypeError('setter failed: ' + v); },
};
const r = [];
try { obj.bad; } catch (e) { r.push(e.message); }
try { obj.bad = 5; } catch (e) { r.push(e.name, e.message); }
try { const { bad } = obj; } catch (e) { r.push('destructure ' + e.message); }
try { ({ ...obj }); } catch (e) { r.push('spread ' + e.message); }
r
