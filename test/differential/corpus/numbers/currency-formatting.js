function formatMoney(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString();
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}$${grouped}.${String(abs % 100).padStart(2, '0')}`;
}
[0, 5, 99, 100, 123456, -987654321, 100000000].map(formatMoney)
