function f() {
  let x = 1;
  try {
    return x;
  } finally {
    x = 2;
  }
}
function g() {
  const obj = { v: 1 };
  try {
    return obj;
  } finally {
    obj.v = 2;
  }
}
const log = [];
function h() {
  try {
    return log.push('return expr evaluated');
  } finally {
    log.push('finally');
  }
}
[f(), g(), h(), log]
