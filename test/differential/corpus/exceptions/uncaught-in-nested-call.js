// diff: throws
function level3(x) { return x.missing.prop; }
function level2(x) { return level3(x) + 1; }
function level1() {
  try {
    return level2({});
  } finally {
    console.log('level1 cleanup');
  }
}
level1()
