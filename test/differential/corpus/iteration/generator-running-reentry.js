let g;
function* selfCall() {
  try {
    g.next();
  } catch (e) {
    yield e.name;
  }
}
g = selfCall();
[g.next(), g.next()]
