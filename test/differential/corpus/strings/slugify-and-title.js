const slugify = (s) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const titleCase = (s) => s.split(' ').map((w) => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w)).join(' ');
const truncate = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
[
  slugify('  Héllo, Wörld! Ça va?  '), titleCase('the QUICK  brown fox'), truncate('abcdefghij', 5), truncate('abc', 5),
]
