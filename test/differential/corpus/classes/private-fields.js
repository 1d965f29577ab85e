class Account {
  #balance = 0;
  #history = [];
  static #instances = 0;
  constructor(owner) {
    this.owner = owner;
    Account.#instances++;
  }
  deposit(n) {
    this.#balance += n;
    this.#history.push(n);
    return this;
  }
  get balance() { return this.#balance; }
  static get instances() { return Account.#instances; }
  static hasBalance(obj) { return #balance in obj; }
  history() { return [...this.#history]; }
}
const acc = new Account('ann').deposit(10).deposit(5);
new Account('bob');
[acc.balance, acc.history(), Account.instances, Object.keys(acc), Account.hasBalance(acc), Account.hasBalance({})]
