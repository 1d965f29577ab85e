const EVENTS = [
  { type: 'click', user: 'a' }, { type: 'view', user: 'b' }, { type: 'click', user: 'b' },
  { type: 'purchase', user: 'a', amount: 30 }, { type: 'view', user: 'c' }, { type: 'purchase', user: 'b', amount: 12.5 },
];
async function* stream() {
  for (const e of EVENTS) {
    await null;
    yield e;
  }
}
async function* onlyTypes(src, types) {
  for await (const e of src) if (types.includes(e.type)) yield e;
}
const perUser = {};
let revenue = 0;
for await (const e of onlyTypes(stream(), ['click', 'purchase'])) {
  perUser[e.user] = (perUser[e.user] ?? 0) + 1;
  if (e.type === 'purchase') revenue += e.amount;
}
({ perUser, revenue })
