const fromMs = new Date(0);
const fromUTCparts = new Date(Date.UTC(2024, 1, 29, 12, 0, 0));
const fromDate = new Date(fromUTCparts);
const fromString = new Date('2024-02-29T12:00:00Z');
[
  fromMs.toISOString(), fromUTCparts.getTime() === fromString.getTime(), fromDate !== fromUTCparts, fromDate.getTime() === fromUTCparts.getTime(),
  new Date(1e12).toISOString(), new Date(-1).toISOString(), new Date(1.9).getTime(), new Date('0').getTime() === new Date('0').getTime(),
  typeof new Date(0), Object.prototype.toString.call(new Date(0)), new Date(true).getTime(), new Date(null).getTime(),
]
