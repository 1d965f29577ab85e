let message = 'first';
const read = () => message;
const results = [read()];
message = 'second';
results.push(read());
function makeAdders() {
  const adders = [];
  let base = 1;
  adders.push((x) => x + base);
  base = 100;
  adders.push((x) => x + base);
  return adders;
}
results.push(makeAdders().map((f) => f(1)));
results
