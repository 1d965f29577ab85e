function tag(strings, ...values) {
  return { strings: [...strings], values, raw: [...strings.raw] };
}
const a = 1;
const b = 'two';
[tag`x${a}y${b}z`, tag``, tag`${a}`, tag`only text`]
