const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const firstOfMonth = new Date(Date.UTC(2024, 1, 1));
const offset = firstOfMonth.getUTCDay();
const days = new Date(Date.UTC(2024, 2, 0)).getUTCDate();
const cells = [...Array(offset).fill('  '), ...Array.from({ length: days }, (_, i) => String(i + 1).padStart(2))];
const weeks = [];
for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7).join(' '));
[names[offset], weeks]
