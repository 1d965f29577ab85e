const results = [];
try {
  results.push(typeof undeclaredThing);
  results.push(typeof x);
} catch (e) {
  results.push(e.name);
}
let x = 10;
results.push(typeof x);
results
