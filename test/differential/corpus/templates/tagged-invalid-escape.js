// invalid escapes are allowed in tagged templates: cooked is undefined, raw is kept
function tag(strings) {
  return [strings[0], strings.raw[0]];
}
const results = [tag`\unicode`, tag`\xZZ and more`, tag`ok\u0041`];
results.push(tag`\u{110000}`, tag`\01`);
results
