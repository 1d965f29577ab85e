const bank = (function () {
  let balance = 0;
  const history = [];
  function record(kind, amount) {
    history.push(`${kind}:${amount}`);
  }
  return {
    deposit(n) { balance += n; record('dep', n); return balance; },
    withdraw(n) {
      if (n > balance) throw new RangeError('insufficient funds');
      balance -= n; record('wd', n); return balance;
    },
    report: () => ({ balance, history: history.slice() }),
  };
})();
bank.deposit(50);
bank.withdraw(20);
let failed = null;
try { bank.withdraw(100); } catch (e) { failed = e.name + ': ' + e.message; }
({ ...bank.report(), failed })
