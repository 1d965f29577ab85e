class Money {
  constructor(amount, currency) {
    this.amount = amount;
    this.currency = currency;
  }
  toString() { return `${this.amount.toFixed(2)} ${this.currency}`; }
  toJSON() { return { amt: this.amount, cur: this.currency }; }
  valueOf() { return this.amount; }
}
const m = new Money(12.5, 'EUR');
const n = new Money(7.25, 'EUR');
[String(m), `${m}`, m + n, m > n, JSON.stringify({ total: m }), JSON.stringify([m, n])]
