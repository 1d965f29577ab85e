const s = 'a😀b\u{1F468}\u200D\u{1F469}';
const chars = [...s];
const codeUnits = s.length;
const it = s[Symbol.iterator]();
[chars.length, codeUnits, it.next(), it.next().value.length, chars.map((c) => c.codePointAt(0).toString(16))]
