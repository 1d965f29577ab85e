const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const needle = 'a.b*(c)';
const hay = 'xa.b*(c)y and aXb(c)';
const re = new RegExp(escapeRe(needle), 'g');
[escapeRe(needle), hay.match(re), hay.replace(re, '[found]'), new RegExp(escapeRe('$^')).test('cost $^')]
