// id: pollution-array-shapes
// technique: sparse arrays, huge lengths, named properties on arrays, holes and -0/NaN in arguments; array length tricks
// source: structured clone edge cases (sparse arrays, length) in isolated-vm and Deno ops
// expect: result
const sparse = [];
sparse[5] = 1;
const named = [1, 2];
named.extra = 'x';
named['-1'] = 'neg';
attempt('sparse', () => echo(sparse));
attempt('named', () => echo(named));
attempt('special numbers', () => echo([-0, NaN, Infinity, -Infinity]));
R
