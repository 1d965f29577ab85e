const r = [typeof Date.UTC, typeof Date.parse, Date.length, typeof Date.prototype.toISOString];
const d = new Date(0);
r.push(d.constructor === Date, Object.getPrototypeOf(d) === Date.prototype, d instanceof Date);
const copy = new Date(d.getTime());
copy.setUTCFullYear(2000);
r.push(d.getUTCFullYear(), copy.getUTCFullYear());
r
