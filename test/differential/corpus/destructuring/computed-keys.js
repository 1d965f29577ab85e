const field = 'score';
const idx = 2;
const record = { score: 91, item2: 'two', 'with space': 'ok', 3: 'three' };
const { [field]: s, [`item${idx}`]: item, ['with ' + 'space']: spaced, 3: numeric } = record;
const keys = ['a', 'b'];
const out = {};
({ [keys[0]]: out.first, [keys[1]]: out.second = 'dflt' } = { a: 'A' });
[s, item, spaced, numeric, out]
