const ops = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
};
function calc(program) {
  const stack = [];
  for (const tok of program.split(' ')) {
    switch (tok) {
      case 'add': case 'sub': { const b = stack.pop(), a = stack.pop(); stack.push(ops[tok](a, b)); break; }
      case 'dup': stack.push(stack[stack.length - 1]); break;
      case 'swap': { const b = stack.pop(), a = stack.pop(); stack.push(b, a); break; }
      default: stack.push(Number(tok));
    }
  }
  return stack;
}
[calc('1 2 add'), calc('5 dup add 3 sub'), calc('1 2 swap sub'), calc('4 x')]
