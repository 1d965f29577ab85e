const composed = '\u00e9';
const decomposed = 'e\u0301';
const r = [composed === decomposed, composed.normalize() === decomposed.normalize(), decomposed.normalize('NFC').length, composed.normalize('NFD').length];
r.push('ﬁ'.normalize('NFKC'), '①'.normalize('NFKD'), 'Å'.normalize('NFD').length);
try { 'x'.normalize('bogus'); } catch (e) { r.push(e.name); }
r
