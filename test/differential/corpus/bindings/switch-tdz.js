const out = [];
function test(k) {
  switch (k) {
    case 1:
      let v = 'set';
      return v;
    case 2:
      return v;
  }
}
out.push(test(1));
try {
  test(2);
} catch (e) {
  out.push(e.name);
}
out
