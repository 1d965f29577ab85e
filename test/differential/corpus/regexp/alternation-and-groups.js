const re = /(cat|dog)s?|(bird)/g;
const found = [...'cats, dog, birds, catdog'.matchAll(re)].map((m) => [m[0], m[1] ?? null, m[2] ?? null]);
const nonCapturing = 'abab'.match(/(?:ab)+/)[0];
const nested = /((a)(b(c)))/.exec('abc').slice(1);
const backref = /(\w)\1/.exec('hello')[0];
const emptyAlt = 'x'.match(/(a|)/);
[found, nonCapturing, nested, backref, emptyAlt[0], emptyAlt[1]]
