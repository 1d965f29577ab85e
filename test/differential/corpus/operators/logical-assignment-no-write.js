const log = [];
const target = {
  _v: 'existing',
  get v() { log.push('get'); return this._v; },
  set v(val) { log.push('set:' + val); this._v = val; },
};
target.v ||= 'new';
target.v ??= 'new';
target.v &&= 'replaced';
const frozen = Object.freeze({ x: 1 });
let err = null;
try { frozen.x ||= 2; frozen.x ??= 3; } catch (e) { err = e.name; }
try { frozen.x &&= 4; } catch (e) { err = e.name; }
[log, target._v, err, frozen.x]
