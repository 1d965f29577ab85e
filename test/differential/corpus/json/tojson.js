const money = { amount: 5, toJSON(key) { return `${this.amount} EUR (key=${key})`; } };
const nested = { price: money, list: [money] };
const dateLike = { toJSON: () => undefined };
const returnsObject = { toJSON() { return { replaced: true }; } };
[
  JSON.stringify(money), JSON.stringify(nested), JSON.stringify({ x: dateLike, y: 1 }), JSON.stringify(returnsObject),
  JSON.stringify(new Date(Date.UTC(2024, 1, 29, 12))), JSON.stringify({ d: new Date(NaN) }),
]
