const errors = [new TypeError('a'), new RangeError('b')];
const byName = new Map(errors.map((e) => [e.name, e]));
const json = JSON.stringify({ err: new Error('hidden'), list: errors });
const spread = { ...new Error('spread me') };
[[...byName.keys()], json, spread, Object.keys(new Error('k')), errors.map(String)]
