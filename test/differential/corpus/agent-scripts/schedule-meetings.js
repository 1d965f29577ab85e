const busy = {
  ann: [[9, 10], [13, 15]],
  bob: [[9.5, 11], [16, 17]],
  cid: [[12, 13]],
};
async function getBusy(person) {
  await null;
  return busy[person];
}
const people = Object.keys(busy);
const all = (await Promise.all(people.map(getBusy))).flat().sort((a, b) => a[0] - b[0]);
const merged = [];
for (const [s, e] of all) {
  const last = merged.at(-1);
  if (last && s <= last[1]) last[1] = Math.max(last[1], e);
  else merged.push([s, e]);
}
const free = [];
let cursor = 9;
for (const [s, e] of merged) {
  if (s > cursor) free.push([cursor, s]);
  cursor = Math.max(cursor, e);
}
if (cursor < 18) free.push([cursor, 18]);
({ merged, free, firstHourSlot: free.find(([s, e]) => e - s >= 1) ?? null })
