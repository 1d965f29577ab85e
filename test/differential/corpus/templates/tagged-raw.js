function raw(strings) {
  return [strings[0], strings.raw[0], strings[0].length, strings.raw[0].length];
}
const results = [raw`a\nb`, raw`\u0041\t`, raw`back\\slash`, String.raw`C:\new\table${1 + 1}\x`];
results.push(String.raw({ raw: ['a', 'b', 'c'] }, 1, 2, 3, 4));
results.push(String.raw({ raw: 'xyz' }, '-', '+'));
results
