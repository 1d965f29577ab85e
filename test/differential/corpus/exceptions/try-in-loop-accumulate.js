const inputs = ['1', '{"a":2}', '[3', 'null', '{bad}', '"str"'];
const parsed = [];
const failures = [];
for (const text of inputs) {
  try {
    parsed.push(JSON.parse(text));
  } catch (err) {
    failures.push(`${text}:${err.name}`);
    continue;
  } finally {
    parsed.length;
  }
}
[parsed, failures]
