function f() {
  try {
    return 'from try';
  } finally {
    return 'from finally';
  }
}
function g() {
  try {
    throw new Error('swallowed');
  } finally {
    return 'finally wins over throw';
  }
}
function h() {
  try {
    throw new Error('first');
  } catch (e) {
    throw new Error('from catch');
  } finally {
    return 'finally wins over catch throw';
  }
}
[f(), g(), h()]
