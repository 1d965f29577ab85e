const out = [];
try {
  out.push(missingName);
} catch (e) {
  out.push(e.name, e instanceof ReferenceError);
}
try {
  missingFn();
} catch (e) {
  out.push(e.name);
}
out
