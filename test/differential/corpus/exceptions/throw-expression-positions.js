const log = [];
function thrower(msg) { throw new Error(msg); }
const cases = [
  () => [1, thrower('in array'), log.push('not reached')],
  () => ({ a: log.push('a evaluated'), b: thrower('in object') }),
  () => thrower('arg') + log.push('rhs'),
  () => `${thrower('template')}`,
  () => (log.push('left'), thrower('comma')),
];
const msgs = cases.map((c) => { try { c(); } catch (e) { return e.message; } });
[msgs, log]
