// id: ctor-arrow
// technique: constructor chain from an arrow function and a concise arrow
// source: safe-eval / static-eval issues: arrow functions reach Function through their prototype chain
// expect: result
tryChain('arrow', () => 1);
tryChain('async arrow', async () => 1);
tryCode('arrow ctor', (() => 0).constructor);
R
