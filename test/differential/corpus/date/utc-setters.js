const d = new Date(Date.UTC(2024, 0, 31, 10, 30));
const steps = [];
const rec = (label) => steps.push([label, d.toISOString()]);
d.setUTCMonth(1); rec('month overflow');
d.setUTCDate(0); rec('date zero');
d.setUTCHours(25); rec('hours overflow');
d.setUTCMinutes(-1); rec('minutes negative');
d.setUTCFullYear(2023, 1, 29); rec('non-leap');
d.setUTCSeconds(90, 1500); rec('seconds+ms');
const ret = d.setUTCMilliseconds(0);
rec('ms');
d.setTime(0); rec('setTime');
steps.push(ret === d.getTime(), d.setUTCDate(NaN), d.getTime());
steps
